// @vitest-environment jsdom
import { act, createElement, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterOf } from '../../engine/testing/fixtures';
import { loadTemplate, type Template } from '../../engine/index';

// The shipped template asks only multiple-choice questions; free-text answers (the fixtures'
// sprint-planning template) are checked here, in the component, for what e2e cannot reach.

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

// Tests are type-checked by tsconfig.node.json, which has no JSX: the component is loaded by a
// specifier TypeScript does not resolve, and typed by hand.
type StepFormModule = { StepForm: FunctionComponent<Record<string, unknown>> };
const stepFormPath = './step-form';
const { StepForm } = (await import(/* @vite-ignore */ stepFormPath)) as StepFormModule;

/** Under jsdom import.meta.url is no file URL, so the fixtures are read from the project root. */
function loadFixture(name: string): Template {
  return loadTemplate(readFileSync(join(process.cwd(), 'src/engine/__fixtures__', name), 'utf8'));
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  // jsdom has no scrolling; the step scrolls to the top when it appears.
  window.scrollTo = () => {};
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function renderStep(template: Template, name: string) {
  act(() =>
    root.render(
      createElement(StepForm, {
        template,
        parameter: parameterOf(template, name),
        position: 1,
        total: 1,
        value: undefined,
        onChoose: () => {},
        onBack: undefined,
        onNext: () => {},
        nextLabel: 'Next',
      }),
    ),
  );
}

function submit() {
  act(() => container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
}

/** Types into a React-controlled field as a user would: the value, then an input event. */
function type(input: HTMLInputElement, text: string) {
  act(() => {
    // React tracks the value property; the prototype's setter changes it the way typing does.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The texts of the elements an element's aria-describedby points at. */
function descriptions(element: Element): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.replace(/^!/, '').trim() ?? '');
}

/** The live region (role=alert) is in the page before the error, so the error is announced. */
function alertRegion(): HTMLElement {
  const region = container.querySelector<HTMLElement>('[role="alert"]');
  expect(region).not.toBeNull();
  return region!;
}

describe('a step’s error', () => {
  const sprint = loadFixture('sprint-planning.md');
  const seed = loadFixture('seed.md');

  it('on free text: announced, and tied to the field that is invalid', () => {
    renderStep(sprint, 'team_size');
    const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
    const region = alertRegion();
    expect(region.textContent).toBe('');
    expect(input.getAttribute('aria-invalid')).toBeNull();

    type(input, 'seven');
    submit();
    const message = 'Number of team members must be a number, like 40 or 2.5.';
    expect(region.textContent).toContain(message);
    expect(alertRegion()).toBe(region);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(input)).toContain(message);
    expect(document.activeElement).toBe(input);

    // Correcting the answer takes the error away.
    type(input, '7');
    expect(region.textContent).toBe('');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(descriptions(input)).not.toContain(message);
  });

  it('on required free text left empty', () => {
    renderStep(sprint, 'product_name');
    submit();
    const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(alertRegion().textContent).toContain('Product or project name must not be empty.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(input)).toContain('Product or project name must not be empty.');
  });

  it('on a choice: the group is invalid and described by the message', () => {
    renderStep(seed, 'backend_technology');
    submit();
    const group = container.querySelector('fieldset')!;
    expect(alertRegion().textContent).toContain('Choose one option to continue.');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(group)).toContain('Choose one option to continue.');
    expect(document.activeElement).toBe(container.querySelector('input[type="radio"]'));
  });
});
