// A portal page embedding the standalone page in an iframe (?child=URL): records what it receives.
window.__got = [];
window.addEventListener('message', (e) => {
  window.__got.push({ origin: e.origin, type: e.data?.type, name: e.data?.name, status: e.data?.result?.status });
});
const frame = document.createElement('iframe');
frame.id = 'frame';
frame.width = '1100';
frame.height = '700';
frame.src = new URLSearchParams(location.search).get('child');
document.body.append(frame);
