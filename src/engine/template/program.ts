/**
 * The compiled form of a template body: plain JSON, so it can be produced at build time,
 * shipped as data and interpreted without generating code (no `Function`, no `eval`).
 */

export type BlockName = 'if' | 'unless' | 'each' | 'with';

/** An expression inside a mustache. */
export type Expr =
  | PathExpr
  | { lit: string | number | boolean | null }
  | { undef: true }
  | { call: string; args: Expr[]; hash?: Record<string, Expr> };

/** A name lookup: `api_architecture`, `this`, `this.x`, `../x`, `@index`, or a block param. */
export interface PathExpr {
  path: string[];
  /** How many `../` precede the path. */
  up?: number;
  /** `@index`-style data variable. */
  data?: true;
  /** Written as `this…` or `./…`: looked up on the current context only. */
  scoped?: true;
}

/** `{{expression}}`: its value is written as text, never HTML-escaped. */
export interface ValueNode {
  value: Expr;
  line: number;
  /** 1-based, for messages; absent in programs compiled before columns were recorded. */
  column?: number;
}

/** `{{#if …}} … {{else}} … {{/if}}` and the other block helpers. */
export interface BlockNode {
  block: BlockName;
  args: Expr[];
  hash?: Record<string, Expr>;
  blockParams?: string[];
  body: TemplateNode[];
  inverse?: TemplateNode[];
  /** Template parameters the block's arguments read, for explaining empty output. */
  reads: string[];
  line: number;
  /** 1-based, for messages; absent in programs compiled before columns were recorded. */
  column?: number;
}

/** Literal text, a value, or a block. */
export type TemplateNode = string | ValueNode | BlockNode;
