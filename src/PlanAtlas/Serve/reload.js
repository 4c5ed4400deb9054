// Live reload for `planatlas serve`. The server adds this script to HTML responses on the fly; it is never
// written to output/, so a published site has none of it.
(() => {
  "use strict";
  const source = new EventSource("/__planatlas/events");
  let labels = {};
  let connectedBefore = false;
  let banner = null;

  function show(kind, text, detail) {
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "planatlas-serve";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
        "font:14px/1.5 system-ui,sans-serif;padding:.75rem 1rem;box-shadow:0 -2px 8px rgba(0,0,0,.25)";
      document.body.appendChild(banner);
    }
    banner.style.background = kind === "failed" ? "#fbeaea" : "#eef4fb";
    banner.style.color = kind === "failed" ? "#7a1c1c" : "#1d2327";
    banner.replaceChildren();
    const heading = document.createElement("strong");
    heading.textContent = text;
    banner.appendChild(heading);
    if (detail) {
      const pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0;font:13px/1.45 ui-monospace,monospace";
      pre.textContent = detail;
      banner.appendChild(pre);
    }
  }

  source.addEventListener("hello", (e) => {
    labels = JSON.parse(e.data);
    // Reconnected after the server restarted: the site may have changed meanwhile.
    if (connectedBefore) location.reload();
    connectedBefore = true;
  });
  source.addEventListener("building", () => {
    if (!banner || banner.dataset.kind !== "failed") show("building", labels["serve.building"] || "…");
  });
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("build-failed", (e) => {
    const report = JSON.parse(e.data);
    show("failed", labels["serve.failed"] || "Build failed", [report.message].concat(report.diagnostics || []).join("\n"));
    banner.dataset.kind = "failed";
  });
  window.addEventListener("pagehide", () => source.close());
})();
