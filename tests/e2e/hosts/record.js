// Host-page script for the embedding tests: records the element's events and any CSP violation.
window.__events = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
const count = (r, sev) => r.findings.filter((f) => f.severity === sev).length;
document.addEventListener('nianbao-ready', (e) => {
  window.__events.push({ type: 'ready', id: e.target.id, mode: e.detail.mode, version: e.detail.version });
});
document.addEventListener('nianbao-result', (e) => {
  const { file, result } = e.detail;
  window.__events.push({
    type: 'result', id: e.target.id, name: file.name, status: result.status,
    errors: result.status === 'checked' ? count(result, 'error') : null,
    warnings: result.status === 'checked' ? count(result, 'warning') : null,
    rules: result.findings.map((f) => f.rule),
  });
});
document.addEventListener('nianbao-verdict', (e) => {
  window.__events.push({ type: 'verdict', id: e.target.id, verdict: e.detail.verdict });
});
