import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './download';

/** A stand-in for the few DOM pieces downloadFile touches, recording what it does. */
function fakeDom() {
  const events: string[] = [];
  const links: { href: string; download: string }[] = [];
  vi.stubGlobal('document', {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        hidden: false,
        click: () => events.push(`click ${link.href}`),
        remove: () => undefined,
      };
      links.push(link);
      return link;
    },
    body: { append: () => undefined },
  });
  vi.stubGlobal('window', globalThis);
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${(next += 1)}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => events.push(`revoke ${url}`));
  return { events, links };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloadFile', () => {
  it('gives the browser a safe file name whatever it was handed', () => {
    const { links } = fakeDom();
    vi.useFakeTimers();
    downloadFile('../../etc/passwd', 'x');
    downloadFile('CON.md', 'x');
    downloadFile(`${'😀'.repeat(100)}.md`, 'x');
    expect(links.map((link) => link.download)).toEqual([
      'etc-passwd',
      'CON_.md',
      `${'😀'.repeat(63)}.md`,
    ]);
  });

  it('revokes the Blob URL after the download started, not in the same task', () => {
    const { events } = fakeDom();
    vi.useFakeTimers();
    downloadFile('guide.md', '# Guide\n');
    expect(events).toEqual(['click blob:test/1']);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['click blob:test/1']);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['click blob:test/1', 'revoke blob:test/1']);
  });

  it('leaves no Blob URL behind after 50 downloads', () => {
    const { events } = fakeDom();
    vi.useFakeTimers();
    for (let i = 0; i < 50; i += 1) downloadFile(`file-${i}.txt`, `${i}`);
    vi.runAllTimers();
    const created = events.filter((event) => event.startsWith('click')).map((e) => e.slice(6));
    const revoked = events.filter((event) => event.startsWith('revoke')).map((e) => e.slice(7));
    expect(created).toHaveLength(50);
    expect(new Set(revoked)).toEqual(new Set(created));
  });
});
