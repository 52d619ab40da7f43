import { describe, expect, it } from 'vitest';
import { sameContent } from './same-content';

describe('sameContent', () => {
  it('is true for structurally equal guide nodes built separately', () => {
    const node = () => ({
      type: 'code',
      block: { id: 'a-code-1', section: ['A'], language: 'go', code: 'package main\n' },
    });
    expect(sameContent(node(), node())).toBe(true);
  });

  it('is false when any nested value differs', () => {
    const a = { type: 'paragraph', children: [{ type: 'text', text: 'Go' }] };
    const b = { type: 'paragraph', children: [{ type: 'text', text: 'Python' }] };
    expect(sameContent(a, b)).toBe(false);
    expect(sameContent({ x: [1, 2] }, { x: [1, 2, 3] })).toBe(false);
    expect(sameContent({ x: 1 }, { x: 1, y: undefined })).toBe(false);
    expect(sameContent({ x: undefined }, { y: undefined })).toBe(false);
    expect(sameContent([1], { 0: 1 })).toBe(false);
    expect(sameContent(null, {})).toBe(false);
  });
});
