/** The frontmatter of the hostile templates the limit tests write: a choice `x` and a list. */
export const HOSTILE_FRONTMATTER = `---
name: hostile
title: Hostile
description: A template written to be slow
category: testing
difficulty: hard
author: fuzz
version: 1.0.0
arguments:
  - name: x
    description: A choice (a, b)
    required: true
  - name: items
    description: A list (comma-separated)
    default: "a,b,c"
---
`;
