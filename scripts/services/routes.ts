/**
 * The GET routes a service's code defines (Express and friends, FastAPI/Starlette decorators,
 * plain node:http `req.url === '/x'` branches), with path parameters filled in.
 */

export interface Route {
  /** As written in the code: `/api/users/:id`, `/api/users/{user_id}`. */
  pattern: string;
  /** A concrete path: each parameter set to `1` (or the value given). */
  path: string;
  file: string;
  /** True when the pattern has a path parameter. */
  parameterised: boolean;
}

const EXPRESS = /\b\w+\s*\.\s*get\s*\(\s*(['"`])(\/[^'"`\s]*)\1/g;
const EXPRESS_ROUTE = /\.\s*route\s*\(\s*(['"`])(\/[^'"`\s]*)\1\s*\)\s*\.\s*get\s*\(/g;
const PY_DECORATOR = /@\s*\w+\s*\.\s*(?:get|api_route)\s*\(\s*(['"])(\/[^'"\s]*)\1/g;
const NODE_HTTP =
  /\b(?:req\.url|url\.pathname|pathname|request\.url)\s*===?\s*(['"`])(\/[^'"`\s?]*)\1/g;

/** A path with every parameter (`:id`, `{id}`, `{id:int}`) replaced by `value`. */
export function fillParameters(pattern: string, value: string): string {
  return pattern.replace(/:[A-Za-z_]\w*\??/g, value).replace(/\{[^}]+\}/g, value);
}

export function findRoutes(files: ReadonlyMap<string, string>, paths: readonly string[]): Route[] {
  const routes = new Map<string, Route>();
  const add = (pattern: string, file: string): void => {
    if (routes.has(pattern) || pattern.includes('*')) return;
    const path = fillParameters(pattern, '1');
    routes.set(pattern, { pattern, path, file, parameterised: path !== pattern });
  };
  for (const file of paths) {
    const code = files.get(file) ?? '';
    const patterns = file.endsWith('.py') ? [PY_DECORATOR] : [EXPRESS, EXPRESS_ROUTE, NODE_HTTP];
    for (const pattern of patterns) {
      for (const match of code.matchAll(pattern)) add(match[2]!, file);
    }
  }
  return [...routes.values()];
}

/** The readiness route: /health (or /healthz, /readyz, /ready), if the code has one. */
export function healthRoute(routes: readonly Route[]): Route | undefined {
  const order = ['/health', '/healthz', '/readyz', '/ready', '/health/ready'];
  for (const wanted of order) {
    const hit = routes.find((route) => route.pattern === wanted);
    if (hit) return hit;
  }
  return routes.find((route) => /health|ready/.test(route.pattern) && !route.parameterised);
}
