// Runs in the page before anything else (an init script; plain JavaScript, so no build step
// can rename or wrap it). Every animation frame it notes when the guide's text first shows,
// when the code blocks in the first viewport and then all of them carry colours, and when a
// watched change shows and is coloured; it keeps every long task (> 50 ms) the browser reports.
(() => {
  const probe = { blocks: 0, longTasks: [] };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  function isHighlighted(block) {
    return block.hasAttribute('data-highlighted');
  }

  function tick() {
    const now = performance.now();
    const heading = document.querySelector('h1');
    if (
      probe.text === undefined &&
      heading &&
      heading.textContent.startsWith('API Performance Optimization:')
    ) {
      probe.text = now;
    }
    if (probe.text !== undefined) {
      const blocks = Array.from(document.querySelectorAll('pre'));
      probe.blocks = blocks.length;
      const inView = blocks.filter(
        (block) => block.getBoundingClientRect().top < window.innerHeight,
      );
      if (probe.firstViewport === undefined && inView.length > 0 && inView.every(isHighlighted)) {
        probe.firstViewport = now;
      }
      if (probe.all === undefined && blocks.length > 0 && blocks.every(isHighlighted))
        probe.all = now;
    }
    const watch = probe.watch;
    if (watch) {
      const block = Array.from(document.querySelectorAll('pre')).find((pre) =>
        pre.textContent.includes(watch.needle),
      );
      if (block && watch.text === undefined) watch.text = now;
      if (block && isHighlighted(block) && watch.highlighted === undefined) watch.highlighted = now;
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();
