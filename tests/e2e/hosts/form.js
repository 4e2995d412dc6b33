// The submission system's own submit handler (it sends the form itself, so it prevents the default).
window.__submits = 0;
document.getElementById('submit-form').addEventListener('submit', (e) => {
  e.preventDefault();
  window.__submits++;
});
