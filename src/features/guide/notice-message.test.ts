import { describe, expect, it } from 'vitest';
import { renderGuide, type Notice } from '../../engine/index';
import info from '../../../templates/api-performance-optimization.md?template';
import { loadFixture } from '../../engine/testing/fixtures';
import { noticeMessage } from './notice-message';

// The shipped template has no empty blocks any more; the original (the seed, same questions)
// still leaves Rust's profiling block empty, which is what a notice is for.
const template = { ...info, program: loadFixture('seed.md').program };

const choices = {
  api_architecture: 'grpc',
  backend_technology: 'rust',
  expected_load: 'high',
  data_complexity: 'real-time',
  performance_targets: 'sub-100ms',
  infrastructure: 'containerized',
};

const notice = (reads: Notice['reads']): Notice => ({
  id: 'x-code-1',
  kind: 'empty-code',
  section: ['1. Analysis', 'Profiling'],
  sectionId: 'profiling',
  reads,
  message: 'engine message',
});

describe('noticeMessage', () => {
  it('names the option that emptied the block in the wizard’s words', () => {
    const [first] = renderGuide(template, choices).notices;
    expect(first).toBeDefined();
    expect(noticeMessage(template, first!)).toEqual({
      message:
        'This guide has no Rust-specific code for “API Performance Profiling Framework” yet.',
      hint: 'Choose another Backend to see one.',
    });
  });

  it('lists every deciding choice when there are several', () => {
    const text = noticeMessage(
      template,
      notice([
        { name: 'backend_technology', value: 'rust' },
        { name: 'api_architecture', value: 'grpc' },
      ]),
    );
    expect(text.message).toBe(
      'This guide has no code for “Profiling” with Backend Rust and Architecture gRPC yet.',
    );
    expect(text.hint).toBe('Choose another Backend and Architecture to see one.');
  });

  it('keeps the engine’s message when it cannot say which choice decided', () => {
    expect(noticeMessage(template, notice([]))).toEqual({ message: 'engine message' });
    expect(noticeMessage(template, notice([{ name: 'unknown', value: 'x' }]))).toEqual({
      message: 'engine message',
    });
  });
});
