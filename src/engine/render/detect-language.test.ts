import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadTemplate, renderGuide } from '../index';
import { detectLanguage } from './detect-language';
import { LANGUAGES, LANGUAGE_IDS, languageFromFence, type LanguageId } from './languages';

interface Sample {
  name: string;
  language: LanguageId;
  /** The fence label a careful author would write. */
  label: string;
  /** A label a careless author might write; the content must still win. */
  wrongLabel?: string;
  code: string;
}

/** Drops the newline after the opening backtick so samples can start on their own line. */
const code = (text: string): string => text.replace(/^\n/, '');

const SAMPLES: Sample[] = [
  {
    name: 'Express route with a Redis read-through cache (CommonJS)',
    language: 'javascript',
    label: 'javascript',
    wrongLabel: 'python',
    code: code(`
const express = require('express');
const compression = require('compression');
const { createClient } = require('redis');

const app = express();
const redis = createClient({ url: process.env.REDIS_URL });

app.use(compression({ threshold: 1024 }));

app.get('/api/products/:id', async (req, res, next) => {
  try {
    const cacheKey = \`product:\${req.params.id}\`;
    const cached = await redis.get(cacheKey);
    if (cached !== null) {
      res.set('X-Cache', 'HIT');
      return res.json(JSON.parse(cached));
    }
    const product = await db.products.findById(req.params.id);
    if (!product) return res.status(404).json({ error: 'Not found' });
    await redis.setEx(cacheKey, 300, JSON.stringify(product));
    res.json(product);
  } catch (err) {
    next(err);
  }
});

redis.connect().then(() => {
  app.listen(3000, () => console.log('API listening on :3000'));
});
`),
  },
  {
    name: 'k6 load-test script',
    language: 'javascript',
    label: 'js',
    wrongLabel: 'go',
    code: code(`
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Rate, Trend } from 'k6/metrics';

const errorRate = new Rate('errors');
const checkoutLatency = new Trend('checkout_latency', true);

export const options = {
  stages: [
    { duration: '2m', target: 200 },
    { duration: '5m', target: 200 },
    { duration: '1m', target: 0 },
  ],
  thresholds: {
    http_req_duration: ['p(95)<300', 'p(99)<800'],
    errors: ['rate<0.01'],
  },
};

export default function () {
  const res = http.post(
    \`\${__ENV.BASE_URL}/api/checkout\`,
    JSON.stringify({ cartId: \`cart-\${__VU}-\${__ITER}\` }),
    { headers: { 'Content-Type': 'application/json' } },
  );
  checkoutLatency.add(res.timings.duration);
  const ok = check(res, {
    'status is 201': (r) => r.status === 201,
    'has order id': (r) => r.json('orderId') !== undefined,
  });
  errorRate.add(!ok);
  sleep(1);
}
`),
  },
  {
    name: 'fetch with timeout and exponential back-off (ES module)',
    language: 'javascript',
    label: 'javascript',
    wrongLabel: 'bash',
    code: code(`
export async function fetchWithRetry(url, options = {}, retries = 3) {
  let delay = 200;
  for (let attempt = 0; attempt <= retries; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeout ?? 5000);
    try {
      const response = await fetch(url, { ...options, signal: controller.signal });
      if (response.status < 500) return response;
    } catch (error) {
      if (attempt === retries) throw error;
    } finally {
      clearTimeout(timer);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay *= 2;
  }
  throw new Error(\`Request to \${url} failed after \${retries} retries\`);
}
`),
  },
  {
    name: 'Express status page that sends an HTML string',
    language: 'javascript',
    label: 'javascript',
    code: code(`
const express = require('express');
const os = require('os');

const router = express.Router();

router.get('/status', (req, res) => {
  const load = os.loadavg().map((n) => n.toFixed(2)).join(' / ');
  const uptime = Math.round(process.uptime());
  res.type('html').send(\`
    <h1>orders-api</h1>
    <p>Load average: \${load}</p>
    <p>Uptime: \${uptime}s</p>
  \`);
});

module.exports = router;
`),
  },
  {
    name: 'repository class with interfaces and generic return types',
    language: 'typescript',
    label: 'typescript',
    wrongLabel: 'javascript',
    code: code(`
import type { Pool } from 'pg';

export interface User {
  id: string;
  email: string;
  createdAt: Date;
}

export interface Page<T> {
  items: Array<T>;
  nextCursor: string | null;
}

export class UserRepository {
  constructor(private readonly pool: Pool) {}

  async findById(id: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<User>(
      'SELECT id, email, created_at AS "createdAt" FROM users WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  async list(limit = 50, cursor?: string): Promise<Page<User>> {
    const { rows } = await this.pool.query<User>(
      'SELECT id, email, created_at AS "createdAt" FROM users WHERE created_at < $1 ORDER BY created_at DESC LIMIT $2',
      [cursor ?? 'infinity', limit],
    );
    const last = rows.at(-1);
    return { items: rows, nextCursor: last ? last.createdAt.toISOString() : null };
  }
}
`),
  },
  {
    name: 'typed Express caching middleware',
    language: 'typescript',
    label: 'ts',
    wrongLabel: 'js',
    code: code(`
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';

type CacheEntry = { body: unknown; status: number; storedAt: number };

const cache = new LRUCache<string, CacheEntry>({ max: 5_000, ttl: 30_000 });

export function cacheResponses(ttlMs: number = 30_000) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET') return next();
    const key = req.originalUrl;
    const hit = cache.get(key);
    if (hit) {
      res.setHeader('X-Cache', 'HIT');
      res.status(hit.status).json(hit.body);
      return;
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode < 400) {
        cache.set(key, { body, status: res.statusCode, storedAt: Date.now() }, { ttl: ttlMs });
      }
      return json(body);
    };
    next();
  };
}
`),
  },
  {
    name: 'order list component with hooks',
    language: 'jsx',
    label: 'jsx',
    wrongLabel: 'javascript',
    code: code(`
import { useEffect, useState } from 'react';

export default function OrderList({ customerId }) {
  const [orders, setOrders] = useState([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    fetch(\`/api/customers/\${customerId}/orders\`, { signal: controller.signal })
      .then((res) => res.json())
      .then((data) => setOrders(data.items))
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [customerId]);

  if (loading) return <Spinner label="Loading orders" />;

  return (
    <ul className="order-list">
      {orders.map((order) => (
        <li key={order.id}>
          <OrderRow order={order} />
        </li>
      ))}
    </ul>
  );
}
`),
  },
  {
    name: 'virtualised product list with react-window',
    language: 'jsx',
    label: 'react',
    wrongLabel: 'javascript',
    code: code(`
import React, { memo, useCallback } from 'react';
import { FixedSizeList as List } from 'react-window';

const Row = memo(function Row({ index, style, data }) {
  const product = data.items[index];
  return (
    <div style={style} className="product-row" onClick={() => data.onSelect(product.id)}>
      <img src={product.thumbnail} alt="" loading="lazy" width={48} height={48} />
      <span>{product.name}</span>
      <strong>{product.price.toFixed(2)}</strong>
    </div>
  );
});

export function ProductList({ items, onSelect }) {
  const itemKey = useCallback((index, data) => data.items[index].id, []);
  return (
    <List height={600} itemCount={items.length} itemSize={64} width="100%" itemData={{ items, onSelect }} itemKey={itemKey}>
      {Row}
    </List>
  );
}
`),
  },
  {
    name: 'metrics table component with TanStack Query',
    language: 'tsx',
    label: 'tsx',
    wrongLabel: 'javascript',
    code: code(`
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface Metric {
  name: string;
  p95Ms: number;
  errorRate: number;
}

interface MetricsPanelProps {
  service: string;
  fallback?: ReactNode;
}

export function MetricsPanel({ service, fallback = null }: MetricsPanelProps) {
  const { data, isPending } = useQuery({
    queryKey: ['metrics', service],
    queryFn: async (): Promise<Metric[]> => {
      const res = await fetch(\`/api/services/\${service}/metrics\`);
      return (await res.json()) as Metric[];
    },
  });

  if (isPending) return <>{fallback}</>;

  return (
    <table className="metrics">
      <tbody>
        {data?.map((metric) => (
          <tr key={metric.name}>
            <th scope="row">{metric.name}</th>
            <td>{metric.p95Ms.toFixed(1)} ms</td>
            <td>{(metric.errorRate * 100).toFixed(2)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`),
  },
  {
    name: 'theme context provider and hook',
    language: 'tsx',
    label: 'tsx',
    wrongLabel: 'jsx',
    code: code(`
import { createContext, useContext, useMemo, useState, type PropsWithChildren } from 'react';

type Theme = 'light' | 'dark';

interface ThemeContextValue {
  theme: Theme;
  toggle: () => void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

export function ThemeProvider({ children }: PropsWithChildren) {
  const [theme, setTheme] = useState<Theme>('light');
  const value = useMemo<ThemeContextValue>(
    () => ({ theme, toggle: () => setTheme((t) => (t === 'light' ? 'dark' : 'light')) }),
    [theme],
  );
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeContextValue {
  const context = useContext(ThemeContext);
  if (!context) throw new Error('useTheme must be used inside <ThemeProvider>');
  return context;
}
`),
  },
  {
    name: 'FastAPI endpoint with an asyncpg pool',
    language: 'python',
    label: 'python',
    wrongLabel: 'javascript',
    code: code(`
from contextlib import asynccontextmanager

import asyncpg
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel


class Order(BaseModel):
    id: int
    customer_id: int
    total_cents: int
    status: str


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.pool = await asyncpg.create_pool(dsn=settings.database_url, min_size=5, max_size=20)
    yield
    await app.state.pool.close()


app = FastAPI(lifespan=lifespan)


async def get_pool():
    return app.state.pool


@app.get("/orders/{order_id}", response_model=Order)
async def read_order(order_id: int, pool=Depends(get_pool)) -> Order:
    row = await pool.fetchrow(
        "SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1", order_id
    )
    if row is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return Order(**dict(row))
`),
  },
  {
    name: 'Redis caching decorator',
    language: 'python',
    label: 'py',
    wrongLabel: 'javascript',
    code: code(`
import functools
import hashlib
import json
import logging

import redis

logger = logging.getLogger(__name__)
client = redis.Redis.from_url("redis://localhost:6379/0", decode_responses=True)


def cached(ttl_seconds=300, prefix="cache"):
    """Cache a function's JSON-serialisable result in Redis."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            raw_key = json.dumps([func.__name__, args, kwargs], sort_keys=True, default=str)
            key = f"{prefix}:{hashlib.sha256(raw_key.encode()).hexdigest()}"
            try:
                hit = client.get(key)
            except redis.RedisError:
                logger.warning("redis unavailable, calling %s directly", func.__name__)
                return func(*args, **kwargs)
            if hit is not None:
                return json.loads(hit)
            result = func(*args, **kwargs)
            client.setex(key, ttl_seconds, json.dumps(result, default=str))
            return result

        return wrapper

    return decorator
`),
  },
  {
    name: 'report renderer with an embedded HTML f-string',
    language: 'python',
    label: 'python',
    wrongLabel: 'javascript',
    code: code(`
from html import escape


def render_report(results):
    rows = "\\n".join(
        f"<tr><td>{escape(r.endpoint)}</td><td>{r.p95_ms:.1f}</td><td>{r.rps:,}</td></tr>"
        for r in results
    )
    return f"""<!DOCTYPE html>
<html>
<head><title>Load test report</title></head>
<body>
  <h1>Load test report</h1>
  <table>
    <thead><tr><th>Endpoint</th><th>p95 (ms)</th><th>RPS</th></tr></thead>
    <tbody>{rows}</tbody>
  </table>
</body>
</html>"""


if __name__ == "__main__":
    from loadtest import collect_results

    with open("report.html", "w", encoding="utf-8") as fh:
        fh.write(render_report(collect_results()))
`),
  },
  {
    name: 'net/http server with graceful shutdown',
    language: 'go',
    label: 'go',
    wrongLabel: 'javascript',
    code: code(`
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	started := time.Now()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok", "uptime": time.Since(started).String()})
	})

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       120 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatalf("listen: %v", err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
}
`),
  },
  {
    name: 'bounded worker pool',
    language: 'go',
    label: 'golang',
    wrongLabel: 'typescript',
    code: code(`
package worker

import (
	"context"
	"sync"
)

type Job func(ctx context.Context) error

// Pool runs jobs on a fixed number of goroutines.
type Pool struct {
	size int
	jobs chan Job
	wg   sync.WaitGroup
	errs chan error
}

func New(size int) *Pool {
	return &Pool{size: size, jobs: make(chan Job), errs: make(chan error, size)}
}

func (p *Pool) Start(ctx context.Context) {
	for i := 0; i < p.size; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				if err := job(ctx); err != nil {
					select {
					case p.errs <- err:
					default:
					}
				}
			}
		}()
	}
}

func (p *Pool) Submit(job Job) { p.jobs <- job }
`),
  },
  {
    name: 'Spring REST controller with caching',
    language: 'java',
    label: 'java',
    wrongLabel: 'csharp',
    code: code(`
package com.example.orders.api;

import com.example.orders.domain.Order;
import com.example.orders.service.OrderService;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {

    private final OrderService orderService;

    public OrderController(OrderService orderService) {
        this.orderService = orderService;
    }

    @GetMapping("/orders/{id}")
    @Cacheable(value = "orders", key = "#id")
    public ResponseEntity<Order> getOrder(@PathVariable long id) {
        return orderService.findById(id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
`),
  },
  {
    name: 'service fanning out on virtual threads',
    language: 'java',
    label: 'java',
    wrongLabel: 'javascript',
    code: code(`
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public final class OrderService {
    private static final Duration TIMEOUT = Duration.ofMillis(250);

    private final OrderRepository repository;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public OrderService(OrderRepository repository) {
        this.repository = repository;
    }

    public Optional<Order> findById(long id) {
        return repository.findById(id);
    }

    public List<OrderSummary> summaries(List<Long> ids) {
        List<CompletableFuture<OrderSummary>> futures = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> repository.summary(id), executor)
                        .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
`),
  },
  {
    name: 'ASP.NET Core minimal API with output caching',
    language: 'csharp',
    label: 'csharp',
    wrongLabel: 'javascript',
    code: code(`
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStackExchangeRedisOutputCache(options =>
{
    options.Configuration = builder.Configuration.GetConnectionString("Redis");
});
builder.Services.AddOutputCache(options =>
{
    options.AddBasePolicy(policy => policy.Expire(TimeSpan.FromSeconds(30)));
});
builder.Services.AddResponseCompression();

var app = builder.Build();
app.UseResponseCompression();
app.UseOutputCache();

app.MapGet("/products/{id:int}", async (int id, ProductDb db) =>
    await db.Products.FindAsync(id) is { } product
        ? Results.Ok(product)
        : Results.NotFound())
   .CacheOutput(policy => policy.Tag("products"));

app.Run();
`),
  },
  {
    name: 'API controller with IMemoryCache and a record DTO',
    language: 'csharp',
    label: 'cs',
    wrongLabel: 'java',
    code: code(`
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Shop.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
public sealed class OrdersController : ControllerBase
{
    private readonly IOrderRepository _orders;
    private readonly IMemoryCache _cache;

    public OrdersController(IOrderRepository orders, IMemoryCache cache)
    {
        _orders = orders;
        _cache = cache;
    }

    [HttpGet("{id:guid}")]
    public async Task<ActionResult<OrderDto>> Get(Guid id, CancellationToken ct)
    {
        var order = await _cache.GetOrCreateAsync($"order:{id}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return _orders.FindAsync(id, ct);
        });
        return order is null ? NotFound() : Ok(order);
    }
}

public sealed record OrderDto(Guid Id, decimal Total, string Status)
{
    public DateTimeOffset CreatedAt { get; init; }
}
`),
  },
  {
    name: 'axum handler backed by a moka cache',
    language: 'rust',
    label: 'rust',
    wrongLabel: 'javascript',
    code: code(`
use std::{sync::Arc, time::Duration};

use axum::{extract::{Path, State}, http::StatusCode, routing::get, Json, Router};
use moka::future::Cache;
use serde::Serialize;

#[derive(Clone, Serialize, sqlx::FromRow)]
struct Product {
    id: i64,
    name: String,
    price_cents: i64,
}

#[derive(Clone)]
struct AppState {
    cache: Cache<i64, Arc<Product>>,
    db: sqlx::PgPool,
}

async fn get_product(State(state): State<AppState>, Path(id): Path<i64>) -> Result<Json<Arc<Product>>, StatusCode> {
    let product = state.cache.try_get_with(id, async {
        let row = sqlx::query_as::<_, Product>("SELECT id, name, price_cents FROM products WHERE id = $1")
            .bind(id)
            .fetch_one(&state.db)
            .await?;
        Ok::<_, sqlx::Error>(Arc::new(row))
    }).await.map_err(|_| StatusCode::NOT_FOUND)?;
    Ok(Json(product))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let cache = Cache::builder().max_capacity(10_000).time_to_live(Duration::from_secs(60)).build();
    let app = Router::new().route("/products/:id", get(get_product)).with_state(AppState { cache, db });
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
`),
  },
  {
    name: 'generic TTL cache with a unit test',
    language: 'rust',
    label: 'rs',
    wrongLabel: 'go',
    code: code(`
use std::collections::HashMap;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct TtlCache<V> {
    ttl: Duration,
    entries: HashMap<String, (Instant, V)>,
}

impl<V: Clone> TtlCache<V> {
    pub fn new(ttl: Duration) -> Self {
        Self { ttl, entries: HashMap::new() }
    }
    pub fn get(&mut self, key: &str) -> Option<V> {
        match self.entries.get(key) {
            Some((stored, value)) if stored.elapsed() < self.ttl => Some(value.clone()),
            Some(_) => {
                self.entries.remove(key);
                None
            }
            None => None,
        }
    }

    pub fn insert(&mut self, key: impl Into<String>, value: V) {
        self.entries.insert(key.into(), (Instant::now(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_entries() {
        let mut cache = TtlCache::new(Duration::from_millis(0));
        cache.insert("a", 1);
        assert_eq!(cache.get("a"), None);
    }
}
`),
  },
  {
    name: 'PostgreSQL CTEs with window functions',
    language: 'sql',
    label: 'sql',
    wrongLabel: 'yaml',
    code: code(`
-- Top customers by revenue over the last 90 days, with their share of the total
WITH recent_orders AS (
    SELECT customer_id, total_cents, created_at
    FROM orders
    WHERE status = 'paid'
      AND created_at >= now() - interval '90 days'
),
customer_revenue AS (
    SELECT customer_id,
           sum(total_cents) AS revenue_cents,
           count(*) AS order_count
    FROM recent_orders
    GROUP BY customer_id
)
SELECT c.id,
       c.email,
       cr.revenue_cents / 100.0 AS revenue,
       cr.order_count,
       round(100.0 * cr.revenue_cents / sum(cr.revenue_cents) OVER (), 2) AS revenue_share_pct,
       rank() OVER (ORDER BY cr.revenue_cents DESC) AS revenue_rank
FROM customer_revenue cr
JOIN customers c ON c.id = cr.customer_id
ORDER BY cr.revenue_cents DESC
LIMIT 50;
`),
  },
  {
    name: 'CREATE INDEX CONCURRENTLY and EXPLAIN ANALYZE',
    language: 'sql',
    label: 'postgresql',
    wrongLabel: 'bash',
    code: code(`
-- Speed up the pending-orders dashboard without blocking writes
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_pending_priority
    ON orders (priority DESC, created_at)
    WHERE status = 'pending';

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_order_items_order_id
    ON order_items (order_id)
    INCLUDE (product_id, quantity);

-- Check that the planner picks the new index
EXPLAIN (ANALYZE, BUFFERS)
SELECT o.id, o.priority, o.created_at, count(oi.*) AS items
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.status = 'pending'
GROUP BY o.id
ORDER BY o.priority DESC, o.created_at
LIMIT 100;

ANALYZE orders;
`),
  },
  {
    name: 'plpgsql trigger function and archiving function',
    language: 'sql',
    label: 'sql',
    wrongLabel: 'python',
    code: code(`
CREATE OR REPLACE FUNCTION set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION archive_old_events(retention interval DEFAULT '30 days')
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
    moved bigint;
BEGIN
    WITH deleted AS (
        DELETE FROM events
        WHERE created_at < now() - retention
        RETURNING *
    )
    INSERT INTO events_archive
    SELECT * FROM deleted;
    GET DIAGNOSTICS moved = ROW_COUNT;
    RAISE NOTICE 'archived % events', moved;
    RETURN moved;
END;
$$;

CREATE TRIGGER orders_set_updated_at
    BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
`),
  },
  {
    name: 'lower-case query for inactive users',
    language: 'sql',
    label: 'sql',
    code: code(`
select u.id, u.email, max(s.created_at) as last_seen
from users u
left join sessions s on s.user_id = u.id
where u.deleted_at is null
group by u.id, u.email
having max(s.created_at) < now() - interval '180 days'
order by last_seen nulls first
limit 500;
`),
  },
  {
    name: 'Kubernetes Deployment manifest',
    language: 'yaml',
    label: 'yaml',
    wrongLabel: 'sql',
    code: code(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  labels:
    app: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: ghcr.io/example/orders-api:1.14.2
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
            periodSeconds: 5
          env:
            - name: NODE_OPTIONS
              value: --max-old-space-size=384
`),
  },
  {
    name: 'docker-compose file with health checks',
    language: 'yaml',
    label: 'yml',
    wrongLabel: 'dockerfile',
    code: code(`
services:
  api:
    build: .
    ports:
      - "8080:8080"
    environment:
      DATABASE_URL: postgres://app:app@db:5432/app
      REDIS_URL: redis://cache:6379
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: app
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
      interval: 5s
      retries: 10
    volumes:
      - pgdata:/var/lib/postgresql/data
  cache:
    image: redis:7-alpine
    command: ["redis-server", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"]

volumes:
  pgdata:
`),
  },
  {
    name: 'GitHub Actions deploy workflow with secrets',
    language: 'yaml',
    label: 'yaml',
    wrongLabel: 'bash',
    code: code(`
# .github/workflows/deploy.yml
name: Deploy

on:
  push:
    branches: [main]

concurrency:
  group: deploy-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ secrets.AWS_DEPLOY_ROLE_ARN }}
          aws-region: eu-west-1
      - name: Build and push image
        run: |
          docker build -t "$ECR_REPO:\${{ github.sha }}" .
          docker push "$ECR_REPO:\${{ github.sha }}"
        env:
          ECR_REPO: \${{ secrets.ECR_REPOSITORY }}
      - name: Roll out
        run: aws ecs update-service --cluster prod --service api --force-new-deployment
`),
  },
  {
    name: 'connection-pool settings after an SQL comment line (as in the seed)',
    language: 'yaml',
    label: 'yaml',
    wrongLabel: 'sql',
    code: code(`
-- Connection pooling configuration
connection_pool_settings:
  postgresql:
    max_connections: 100
    shared_buffers: "2GB"
    effective_cache_size: "6GB"
    work_mem: "16MB"
    maintenance_work_mem: "256MB"

  application_pool:
    initial_size: 10
    max_size: 50
    min_idle: 5
    max_idle_time: "10 minutes"
    validation_query: "SELECT 1"
    test_on_borrow: true
`),
  },
  {
    name: 'package.json',
    language: 'json',
    label: 'json',
    wrongLabel: 'javascript',
    code: code(`
{
  "name": "orders-api",
  "version": "2.3.0",
  "private": true,
  "type": "module",
  "engines": { "node": ">=20" },
  "scripts": {
    "start": "node dist/server.js",
    "build": "tsc -p tsconfig.build.json",
    "loadtest": "k6 run loadtest/checkout.js"
  },
  "dependencies": {
    "express": "^4.19.2",
    "ioredis": "^5.4.1",
    "pg": "^8.12.0",
    "prom-client": "^15.1.3"
  },
  "devDependencies": {
    "typescript": "^5.5.4"
  }
}
`),
  },
  {
    name: 'ECS container definitions',
    language: 'json',
    label: 'json',
    wrongLabel: 'bash',
    code: code(`
[
  {
    "name": "orders-api",
    "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.14.2",
    "cpu": 512,
    "memory": 1024,
    "essential": true,
    "portMappings": [{ "containerPort": 8080, "protocol": "tcp" }],
    "environment": [
      { "name": "NODE_ENV", "value": "production" },
      { "name": "UV_THREADPOOL_SIZE", "value": "16" }
    ],
    "healthCheck": {
      "command": ["CMD-SHELL", "wget -qO- http://localhost:8080/healthz || exit 1"],
      "interval": 15,
      "timeout": 3,
      "retries": 3
    },
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": { "awslogs-group": "/ecs/orders-api", "awslogs-region": "eu-west-1" }
    }
  }
]
`),
  },
  {
    name: 'deploy script with a shebang and strict mode',
    language: 'bash',
    label: 'bash',
    wrongLabel: 'python',
    code: code(`
#!/usr/bin/env bash
set -euo pipefail

IMAGE="\${REGISTRY}/orders-api:\${GIT_SHA:-$(git rev-parse --short HEAD)}"
NAMESPACE="\${NAMESPACE:-production}"

log() { printf '[%s] %s\\n' "$(date -u +%H:%M:%S)" "$*"; }

log "Building \${IMAGE}"
docker build --pull -t "\${IMAGE}" .
docker push "\${IMAGE}"

log "Rolling out to \${NAMESPACE}"
kubectl -n "\${NAMESPACE}" set image deployment/orders-api api="\${IMAGE}"
if ! kubectl -n "\${NAMESPACE}" rollout status deployment/orders-api --timeout=180s; then
  log "Rollout failed, rolling back"
  kubectl -n "\${NAMESPACE}" rollout undo deployment/orders-api
  exit 1
fi

for path in /healthz /api/products?limit=1; do
  curl --fail --silent --show-error "https://api.example.com\${path}" > /dev/null
done
log "Deployed \${IMAGE}"
`),
  },
  {
    name: 'helm and kubectl commands',
    language: 'bash',
    label: 'sh',
    wrongLabel: 'yaml',
    code: code(`
# Install the metrics stack
helm repo add prometheus-community https://prometheus-community.github.io/helm-charts
helm repo update
helm upgrade --install monitoring prometheus-community/kube-prometheus-stack \\
  --namespace monitoring --create-namespace \\
  --set grafana.adminPassword="$GRAFANA_PASSWORD" \\
  --set prometheus.prometheusSpec.retention=15d

# Autoscale the API on CPU
kubectl autoscale deployment orders-api --cpu-percent=65 --min=3 --max=20 -n production
kubectl get hpa orders-api -n production --watch

# Quick latency check from inside the cluster
kubectl run curl --rm -it --image=curlimages/curl --restart=Never -- \\
  curl -s -o /dev/null -w '%{time_total}\\n' http://orders-api.production/healthz
`),
  },
  {
    name: 'dotenv-style environment block',
    language: 'bash',
    label: 'bash',
    code: code(`
# Application
NODE_ENV=production
PORT=8080
LOG_LEVEL=info

# Database
DATABASE_URL=postgres://app:secret@db.internal:5432/orders
DATABASE_POOL_MAX=20

# Cache
REDIS_URL=redis://cache.internal:6379/0
CACHE_TTL_SECONDS=300
ENABLE_RESPONSE_CACHE=true
`),
  },
  {
    name: 'multi-stage Node.js image',
    language: 'dockerfile',
    label: 'dockerfile',
    wrongLabel: 'bash',
    code: code(`
# syntax=docker/dockerfile:1.7
FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/healthz || exit 1
CMD ["node", "dist/server.js"]
`),
  },
  {
    name: 'Python service image',
    language: 'dockerfile',
    label: 'docker',
    wrongLabel: 'yaml',
    code: code(`
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1

RUN apt-get update \\
    && apt-get install -y --no-install-recommends libpq5 \\
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY app ./app

RUN useradd --system --uid 10001 api
USER api
EXPOSE 8000
CMD ["gunicorn", "app.main:app", "-k", "uvicorn.workers.UvicornWorker", "-w", "4", "-b", "0.0.0.0:8000"]
`),
  },
  {
    name: 'reverse proxy with upstream keep-alive and a response cache',
    language: 'nginx',
    label: 'nginx',
    wrongLabel: 'conf',
    code: code(`
upstream orders_api {
    least_conn;
    server 10.0.1.10:8080 max_fails=3 fail_timeout=10s;
    server 10.0.1.11:8080 max_fails=3 fail_timeout=10s;
    keepalive 64;
}

proxy_cache_path /var/cache/nginx/api levels=1:2 keys_zone=api_cache:50m max_size=1g inactive=10m;

server {
    listen 443 ssl;
    http2 on;
    server_name api.example.com;

    ssl_certificate     /etc/letsencrypt/live/api.example.com/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/api.example.com/privkey.pem;

    location /api/ {
        proxy_pass http://orders_api;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_cache api_cache;
        proxy_cache_valid 200 30s;
        proxy_cache_use_stale error timeout updating;
        add_header X-Cache-Status $upstream_cache_status;
    }
}
`),
  },
  {
    name: 'nginx.conf tuned for throughput',
    language: 'nginx',
    label: 'nginx',
    wrongLabel: 'bash',
    code: code(`
user nginx;
worker_processes auto;
worker_rlimit_nofile 65535;

events {
    worker_connections 8192;
    multi_accept on;
}

http {
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000;
    client_max_body_size 10m;

    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_types application/json text/css application/javascript;

    limit_req_zone $binary_remote_addr zone=per_ip:10m rate=20r/s;

    include /etc/nginx/conf.d/*.conf;
}
`),
  },
  {
    name: 'Cargo.toml',
    language: 'toml',
    label: 'toml',
    wrongLabel: 'ini',
    code: code(`
[package]
name = "orders-api"
version = "0.3.1"
edition = "2021"
rust-version = "1.78"

[dependencies]
axum = "0.7"
tokio = { version = "1.38", features = ["rt-multi-thread", "macros", "signal"] }
serde = { version = "1", features = ["derive"] }
sqlx = { version = "0.7", default-features = false, features = ["runtime-tokio", "postgres"] }
moka = { version = "0.12", features = ["future"] }
tracing = "0.1"

[dev-dependencies]
criterion = { version = "0.5", features = ["async_tokio"] }

[profile.release]
lto = "thin"
codegen-units = 1
debug = false

[[bench]]
name = "handlers"
harness = false
`),
  },
  {
    name: 'pyproject.toml',
    language: 'toml',
    label: 'toml',
    wrongLabel: 'python',
    code: code(`
[project]
name = "orders-service"
version = "1.4.0"
requires-python = ">=3.11"
dependencies = [
    "fastapi>=0.111",
    "uvicorn[standard]>=0.30",
    "asyncpg>=0.29",
    "redis>=5.0",
]

[project.optional-dependencies]
dev = ["pytest>=8", "pytest-asyncio>=0.23", "locust>=2.29"]

[tool.ruff]
line-length = 100
target-version = "py311"

[tool.ruff.lint]
select = ["E", "F", "I", "UP", "B"]

[tool.pytest.ini_options]
asyncio_mode = "auto"
addopts = "-q --maxfail=1"
`),
  },
  {
    name: 'pgbouncer.ini in transaction pooling mode',
    language: 'ini',
    label: 'ini',
    wrongLabel: 'yaml',
    code: code(`
[databases]
orders = host=10.0.2.15 port=5432 dbname=orders

[pgbouncer]
listen_addr = 0.0.0.0
listen_port = 6432
auth_type = scram-sha-256
auth_file = /etc/pgbouncer/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 50
; keep server connections warm between bursts
server_idle_timeout = 600
`),
  },
  {
    name: 'systemd unit for the API',
    language: 'ini',
    label: 'ini',
    wrongLabel: 'bash',
    code: code(`
[Unit]
Description=Orders API
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=orders
WorkingDirectory=/srv/orders-api
EnvironmentFile=/etc/orders-api/env
ExecStart=/usr/bin/node /srv/orders-api/dist/server.js
Restart=on-failure
RestartSec=5
LimitNOFILE=65535

[Install]
WantedBy=multi-user.target
`),
  },
  {
    name: 'Terraform ElastiCache replication group',
    language: 'hcl',
    label: 'hcl',
    wrongLabel: 'yaml',
    code: code(`
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_elasticache_replication_group" "api_cache" {
  replication_group_id       = "\${var.name}-cache"
  description                = "Response cache for \${var.name}"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.cache_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  subnet_group_name          = aws_elasticache_subnet_group.api.name
  security_group_ids         = [aws_security_group.cache.id]

  tags = local.common_tags
}

output "cache_endpoint" {
  value = aws_elasticache_replication_group.api_cache.primary_endpoint_address
}
`),
  },
  {
    name: 'Terraform variables, locals and an ECS service module',
    language: 'hcl',
    label: 'terraform',
    wrongLabel: 'bash',
    code: code(`
variable "environment" {
  type        = string
  description = "Deployment environment (staging or production)"
}

variable "min_capacity" {
  type    = number
  default = 2
}

locals {
  service_name = "orders-api-\${var.environment}"
}

module "ecs_service" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "~> 5.11"

  name          = local.service_name
  cluster_arn   = data.aws_ecs_cluster.main.arn
  cpu           = 512
  memory        = 1024
  desired_count = var.min_capacity

  autoscaling_min_capacity = var.min_capacity
  autoscaling_max_capacity = 20
}

data "aws_ecs_cluster" "main" {
  cluster_name = "platform-\${var.environment}"
}
`),
  },
  {
    name: 'GraphQL schema (SDL)',
    language: 'graphql',
    label: 'graphql',
    wrongLabel: 'typescript',
    code: code(`
scalar DateTime

type Query {
  order(id: ID!): Order
  orders(first: Int = 20, after: String, status: OrderStatus): OrderConnection!
}

type Mutation {
  cancelOrder(id: ID!, reason: String): Order!
}

enum OrderStatus {
  PENDING
  PAID
  SHIPPED
  CANCELLED
}

type Order implements Node {
  id: ID!
  status: OrderStatus!
  total: Money!
  items: [OrderItem!]!
  createdAt: DateTime!
}

type OrderConnection {
  edges: [OrderEdge!]!
  pageInfo: PageInfo!
}
`),
  },
  {
    name: 'GraphQL query with a fragment and cursor pagination',
    language: 'graphql',
    label: 'gql',
    wrongLabel: 'javascript',
    code: code(`
query OrderHistory($customerId: ID!, $first: Int = 20, $after: String) {
  customer(id: $customerId) {
    id
    name
    orders(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...OrderSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}

fragment OrderSummary on Order {
  id
  status
  total {
    amount
    currency
  }
  createdAt
}
`),
  },
  {
    name: 'proto3 service definition',
    language: 'proto',
    label: 'proto',
    wrongLabel: 'go',
    code: code(`
syntax = "proto3";

package orders.v1;

import "google/protobuf/timestamp.proto";

option go_package = "github.com/example/orders/gen/orders/v1;ordersv1";

service OrderService {
  rpc GetOrder(GetOrderRequest) returns (Order);
  rpc ListOrders(ListOrdersRequest) returns (stream Order);
}

message GetOrderRequest {
  string id = 1;
}

message ListOrdersRequest {
  int32 page_size = 1;
  string page_token = 2;
}

message Order {
  string id = 1;
  OrderStatus status = 2;
  int64 total_cents = 3;
  repeated LineItem items = 4;
  google.protobuf.Timestamp created_at = 5;
}
`),
  },
  {
    name: 'proto messages and an enum without the syntax line',
    language: 'proto',
    label: 'protobuf',
    wrongLabel: 'javascript',
    code: code(`
enum OrderStatus {
  ORDER_STATUS_UNSPECIFIED = 0;
  ORDER_STATUS_PENDING = 1;
  ORDER_STATUS_PAID = 2;
  ORDER_STATUS_SHIPPED = 3;
}

message LineItem {
  string sku = 1;
  int32 quantity = 2;
  int64 unit_price_cents = 3;
  map<string, string> attributes = 4;
}

message OrderPlaced {
  string order_id = 1;
  repeated LineItem items = 2;
  optional string coupon_code = 3;
}
`),
  },
  {
    name: 'dashboard grid with custom properties and a media query',
    language: 'css',
    label: 'css',
    wrongLabel: 'html',
    code: code(`
:root {
  --color-bg: #0f172a;
  --color-accent: #38bdf8;
  --radius: 8px;
}

.dashboard {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
  gap: 1rem;
  padding: 1.5rem;
  background: var(--color-bg);
}

.dashboard .card {
  border-radius: var(--radius);
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
  contain: content;
}

@media (max-width: 640px) {
  .dashboard {
    grid-template-columns: 1fr;
    padding: 0.75rem;
  }
}
`),
  },
  {
    name: 'button styles with states',
    language: 'css',
    label: 'css',
    wrongLabel: 'html',
    code: code(`
.btn {
  display: inline-flex;
  align-items: center;
  gap: 0.5rem;
  padding: 0.5rem 1rem;
  border: 1px solid transparent;
  border-radius: 6px;
  font: inherit;
  cursor: pointer;
  transition: background-color 120ms ease-in-out;
}

.btn-primary {
  color: #fff;
  background-color: #2563eb;
}

.btn-primary:hover,
.btn-primary:focus-visible {
  background-color: #1d4ed8;
}

.btn[disabled] {
  opacity: 0.5;
  cursor: not-allowed;
}
`),
  },
  {
    name: 'HTML page shell with resource hints',
    language: 'html',
    label: 'html',
    wrongLabel: 'xml',
    code: code(`
<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Orders dashboard</title>
    <link rel="preconnect" href="https://api.example.com" crossorigin />
    <link rel="preload" href="/fonts/inter.woff2" as="font" type="font/woff2" crossorigin />
    <link rel="stylesheet" href="/assets/app.css" />
    <script type="module" src="/assets/app.js" defer></script>
  </head>
  <body>
    <main id="app">
      <p class="loading">Loading orders…</p>
    </main>
  </body>
</html>
`),
  },
  {
    name: 'HTML order summary fragment with a form',
    language: 'html',
    label: 'html',
    wrongLabel: 'css',
    code: code(`
<section class="order-summary" aria-labelledby="summary-title">
  <h2 id="summary-title">Order summary</h2>
  <table>
    <thead>
      <tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Price</th></tr>
    </thead>
    <tbody>
      <tr><td>Mechanical keyboard</td><td>1</td><td>$129.00</td></tr>
      <tr><td>USB-C cable</td><td>2</td><td>$18.00</td></tr>
    </tbody>
  </table>
  <form method="post" action="/checkout">
    <label for="coupon">Coupon code</label>
    <input id="coupon" name="coupon" autocomplete="off" />
    <button type="submit">Place order</button>
  </form>
</section>
`),
  },
  {
    name: 'Maven pom.xml',
    language: 'xml',
    label: 'xml',
    wrongLabel: 'java',
    code: code(`
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>orders-api</artifactId>
  <version>1.2.0</version>

  <properties>
    <java.version>21</java.version>
  </properties>

  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-cache</artifactId>
    </dependency>
    <dependency>
      <groupId>com.github.ben-manes.caffeine</groupId>
      <artifactId>caffeine</artifactId>
    </dependency>
  </dependencies>
</project>
`),
  },
  {
    name: 'logback.xml with an async JSON appender',
    language: 'xml',
    label: 'xml',
    wrongLabel: 'html',
    code: code(`
<configuration scan="true" scanPeriod="30 seconds">
  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
    <encoder class="net.logstash.logback.encoder.LogstashEncoder">
      <includeMdcKeyName>traceId</includeMdcKeyName>
    </encoder>
  </appender>

  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
    <queueSize>8192</queueSize>
    <discardingThreshold>0</discardingThreshold>
    <neverBlock>true</neverBlock>
    <appender-ref ref="JSON" />
  </appender>

  <logger name="org.hibernate.SQL" level="WARN" />
  <logger name="com.example.orders" level="INFO" />

  <root level="INFO">
    <appender-ref ref="ASYNC" />
  </root>
</configuration>
`),
  },
];

const COVERED: readonly LanguageId[] = [
  'javascript',
  'typescript',
  'jsx',
  'tsx',
  'python',
  'go',
  'java',
  'csharp',
  'rust',
  'sql',
  'yaml',
  'json',
  'bash',
  'dockerfile',
  'nginx',
  'toml',
  'ini',
  'hcl',
  'graphql',
  'proto',
  'css',
  'html',
  'xml',
];

describe('detectLanguage on realistic snippets', () => {
  it('has at least two samples, 5 to 40 lines long, for every language it covers', () => {
    for (const language of COVERED) {
      expect(SAMPLES.filter((sample) => sample.language === language).length).toBeGreaterThan(1);
    }
    for (const sample of SAMPLES) {
      const lines = sample.code.trimEnd().split('\n').length;
      expect(lines, sample.name).toBeGreaterThanOrEqual(5);
      expect(lines, sample.name).toBeLessThanOrEqual(40);
    }
  });

  it('only uses labels the engine knows, and wrong labels that really are wrong', () => {
    const family = (id: LanguageId | undefined) =>
      id === 'jsx' ? 'javascript' : id === 'tsx' ? 'typescript' : id;
    for (const sample of SAMPLES) {
      expect(languageFromFence(sample.label), sample.name).toBe(sample.language);
      if (sample.wrongLabel === undefined) continue;
      const wrong = languageFromFence(sample.wrongLabel);
      expect(wrong, sample.name).toBeDefined();
      expect(wrong, sample.name).not.toBe(sample.language);
      // A JSX/TSX sample under its base language's label is still a wrong label, but the
      // others must name a different family altogether.
      if (sample.language !== 'jsx' && sample.language !== 'tsx') {
        expect(family(wrong), sample.name).not.toBe(family(sample.language));
      }
    }
  });

  it.each(SAMPLES)('$language: $name, under ```$label', ({ code, label, language }) => {
    expect(detectLanguage(code, label)).toBe(language);
  });

  it.each(SAMPLES)('$language: $name, with no fence label', ({ code, language }) => {
    expect(detectLanguage(code)).toBe(language);
    expect(detectLanguage(code, '')).toBe(language);
  });

  it.each(SAMPLES.filter((sample) => sample.wrongLabel !== undefined))(
    '$language: $name, under the wrong label ```$wrongLabel',
    ({ code, wrongLabel, language }) => {
      expect(detectLanguage(code, wrongLabel)).toBe(language);
    },
  );

  it('reads only the first word of a fence info string', () => {
    const sample = SAMPLES.find((s) => s.name === 'FastAPI endpoint with an asyncpg pool');
    expect(detectLanguage(sample?.code ?? '', 'python title="app/main.py"')).toBe('python');
    expect(detectLanguage(sample?.code ?? '', 'JavaScript {1,3-5}')).toBe('python');
  });
});

describe('detectLanguage: the label decides what the content cannot', () => {
  it.each([
    ['return nil, err', 'go', 'go'],
    ['await cache.del(key)', 'javascript', 'javascript'],
    ['MAX_RETRIES = 3', 'python', 'python'],
    ['PORT=8080', 'bash', 'bash'],
    ['PORT=8080', 'ini', 'ini'],
    ['PORT=8080', 'toml', 'toml'],
    ['timeout: 30s', 'yaml', 'yaml'],
    ['# Tune these numbers for your workload', 'python', 'python'],
    ['# Tune these numbers for your workload', 'bash', 'bash'],
    ['# Tune these numbers for your workload', 'yaml', 'yaml'],
    ['print(response.elapsed.total_seconds())', 'python', 'python'],
    ['fmt.Println(time.Since(start))', 'go', 'go'],
    ['const ttl = 60 * 1000;', 'typescript', 'typescript'],
  ] as const)('%j under ```%s is %s', (snippet, label, expected) => {
    expect(detectLanguage(snippet, label)).toBe(expected);
  });

  it('returns the label’s language, or text, for an empty snippet', () => {
    expect(detectLanguage('', 'python')).toBe('python');
    expect(detectLanguage('  \n\t\n', 'yml')).toBe('yaml');
    expect(detectLanguage('\n', 'golang')).toBe('go');
    expect(detectLanguage('')).toBe('text');
    expect(detectLanguage('   \n\n')).toBe('text');
    expect(detectLanguage('', 'foo')).toBe('text');
  });

  it('gives text for an unknown label and content that is no language', () => {
    const wrkOutput = code(`
Running 30s test @ http://localhost:8080/api/orders
  12 threads and 400 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    45.12ms   12.30ms 312.45ms   89.21%
    Req/Sec   741.20     98.44     1.02k    71.08%
  266112 requests in 30.02s, 92.41MB read
Requests/sec:   8864.68
Transfer/sec:      3.08MB
`);
    expect(detectLanguage(wrkOutput, 'foo')).toBe('text');
    expect(detectLanguage('Throughput went from 1.2k to 3.4k requests per second.', 'foo')).toBe(
      'text',
    );
  });
});

describe('detectLanguage: TypeScript, JSX and TSX', () => {
  it('does not take generic type arguments for JSX', () => {
    const snippet = code(`
import type { User } from './user';

export async function saveAll(users: Array<User>, batchSize = 100): Promise<void> {
  const batches: Array<Array<User>> = [];
  for (let i = 0; i < users.length; i += batchSize) {
    batches.push(users.slice(i, i + batchSize));
  }
  await Promise.all(batches.map((batch) => db.user.createMany({ data: batch })));
}

export const byId = new Map<string, Promise<User | undefined>>();
`);
    expect(detectLanguage(snippet, 'typescript')).toBe('typescript');
    expect(detectLanguage(snippet)).toBe('typescript');
  });

  it('does not take a generic arrow function for JSX', () => {
    const snippet = code(`
export const memoize = <T>(load: (key: string) => Promise<T>) => {
  const pending = new Map<string, Promise<T>>();
  return (key: string): Promise<T> => {
    let result = pending.get(key);
    if (!result) {
      result = load(key).finally(() => pending.delete(key));
      pending.set(key, result);
    }
    return result;
  };
};
`);
    expect(detectLanguage(snippet, 'typescript')).toBe('typescript');
    expect(detectLanguage(snippet)).toBe('typescript');
  });

  it('calls a React component in a ```typescript fence tsx', () => {
    const provider = SAMPLES.find((s) => s.name === 'theme context provider and hook');
    const metrics = SAMPLES.find((s) => s.name === 'metrics table component with TanStack Query');
    expect(detectLanguage(provider?.code ?? '', 'typescript')).toBe('tsx');
    expect(detectLanguage(metrics?.code ?? '', 'ts')).toBe('tsx');
  });

  it('calls a plain React component in a ```javascript fence jsx', () => {
    const list = SAMPLES.find((s) => s.name === 'order list component with hooks');
    expect(detectLanguage(list?.code ?? '', 'javascript')).toBe('jsx');
  });

  it('keeps a k6 script javascript, whatever the fence says', () => {
    const k6 = SAMPLES.find((s) => s.name === 'k6 load-test script')?.code ?? '';
    expect(detectLanguage(k6, 'k6')).toBe('javascript');
    expect(detectLanguage(k6, 'javascript')).toBe('javascript');
    expect(detectLanguage(k6)).toBe('javascript');
  });
});

describe('detectLanguage on the seed template', () => {
  const seed = loadTemplate(
    readFileSync(new URL('../__fixtures__/seed.md', import.meta.url), 'utf8'),
  );
  const options = (name: string): string[] => {
    const parameter = seed.parameters.find((p) => p.name === name);
    return parameter?.kind === 'choice' ? parameter.options.map((option) => option.value) : [];
  };
  const base = {
    api_architecture: 'rest',
    backend_technology: 'nodejs',
    expected_load: 'high',
    data_complexity: 'complex-queries',
    performance_targets: 'sub-100ms',
    infrastructure: 'containerized',
  };
  const blockIn = (choices: Record<string, string>, heading: string) =>
    renderGuide(seed, choices).blocks.find((block) => block.section.at(-1) === heading);

  it('offers the choices these tests walk through', () => {
    expect(options('backend_technology')).toEqual(
      expect.arrayContaining(['nodejs', 'python', 'go']),
    );
    expect(options('data_complexity')).toEqual([
      'simple-crud',
      'complex-queries',
      'real-time',
      'analytics',
    ]);
    expect(options('infrastructure').length).toBeGreaterThan(1);
    expect(options('expected_load').length).toBeGreaterThan(1);
  });

  it.each([
    ['nodejs', 'javascript'],
    ['python', 'python'],
    ['go', 'go'],
  ] as const)(
    'detects the first block for backend %s as %s, under every load and infrastructure',
    (backend, expected) => {
      for (const infrastructure of options('infrastructure')) {
        for (const load of options('expected_load')) {
          const choices = {
            ...base,
            backend_technology: backend,
            infrastructure,
            expected_load: load,
          };
          const first = renderGuide(seed, choices).blocks[0];
          expect(first?.section.at(-1)).toBe('API Performance Profiling Framework');
          expect(first?.fenceLanguage).toBe('javascript');
          expect(first?.language, `${infrastructure} / ${load}`).toBe(expected);
        }
      }
    },
  );

  it.each([
    ['complex-queries', 'sql'],
    ['real-time', 'sql'],
    ['simple-crud', 'yaml'],
    ['analytics', 'yaml'],
  ] as const)(
    'detects the Query Optimization Strategies block for %s as %s',
    (dataComplexity, expected) => {
      for (const load of options('expected_load')) {
        const block = blockIn(
          { ...base, data_complexity: dataComplexity, expected_load: load },
          'Query Optimization Strategies',
        );
        expect(block?.fenceLanguage).toBe('sql');
        expect(block?.language, load).toBe(expected);
      }
    },
  );

  it('keeps the correctly labelled blocks in their labelled language', () => {
    const guide = renderGuide(seed, base);
    expect(
      guide.blocks.map((block) => [block.section.at(-1), block.fenceLanguage, block.language]),
    ).toEqual([
      ['API Performance Profiling Framework', 'javascript', 'javascript'],
      ['Multi-Level Caching Implementation', 'yaml', 'yaml'],
      ['Advanced Caching Implementation', 'python', 'python'],
      ['Query Optimization Strategies', 'sql', 'sql'],
      ['Comprehensive Load Testing Framework', 'javascript', 'javascript'],
      ['Performance Monitoring Dashboard', 'python', 'python'],
    ]);
  });
});

describe('languageFromFence', () => {
  it.each([
    ['js', 'javascript'],
    ['Node', 'javascript'],
    ['k6', 'javascript'],
    ['mts', 'typescript'],
    ['react', 'jsx'],
    ['py3', 'python'],
    ['golang', 'go'],
    ['c#', 'csharp'],
    ['dotnet', 'csharp'],
    ['rs', 'rust'],
    ['postgres', 'sql'],
    ['plpgsql', 'sql'],
    ['yml', 'yaml'],
    ['jsonc', 'json'],
    ['shell', 'bash'],
    ['console', 'bash'],
    ['Dockerfile', 'dockerfile'],
    ['containerfile', 'dockerfile'],
    ['nginxconf', 'nginx'],
    ['properties', 'ini'],
    ['terraform', 'hcl'],
    ['gql', 'graphql'],
    ['protobuf', 'proto'],
    ['scss', 'css'],
    ['htm', 'html'],
    ['svg', 'xml'],
    ['plaintext', 'text'],
    ['python {linenos=true}', 'python'],
    ['  TypeScript  ', 'typescript'],
  ] as const)('maps ```%s to %s', (label, expected) => {
    expect(languageFromFence(label)).toBe(expected);
  });

  it.each([undefined, '', '   ', 'foo', 'kotlin', 'constructor', '__proto__', 'toString'])(
    'knows nothing of %j',
    (label) => {
      expect(languageFromFence(label)).toBeUndefined();
    },
  );

  it('maps every language id to itself and gives each alias one meaning', () => {
    const seen = new Map<string, LanguageId>();
    for (const id of LANGUAGE_IDS) {
      expect(languageFromFence(id)).toBe(id);
      for (const alias of [id, ...LANGUAGES[id].aliases]) {
        expect(seen.get(alias), `${alias} claimed twice`).toBeUndefined();
        seen.set(alias, id);
      }
    }
  });
});

describe('detectLanguage: strings and markup', () => {
  it('reads markup in a template literal longer than the sample as a string', () => {
    const rows = '  <tr class="row"><td>x</td></tr>\n'.repeat(200);
    expect(detectLanguage(`const table = \`\n${rows}\`;\nmodule.exports = table;\n`)).toBe(
      'javascript',
    );
  });

  it('is not thrown by a stray backtick in a comment', () => {
    const snippet = code(`
// wraps \`fn in a cache
const cache = new Map();
function cached(fn) {
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key);
  };
}
module.exports = cached;
`);
    expect(detectLanguage(snippet)).toBe('javascript');
  });

  it('does not take a tag in a string for JSX', () => {
    const snippet = code(`
export function assertTheme(value: unknown): void {
  if (!value) throw new Error('useTheme must be used inside <ThemeProvider>');
}
`);
    expect(detectLanguage(snippet)).toBe('typescript');
  });

  it('calls a short component that is mostly markup jsx, not html', () => {
    const snippet = code(`
export function Note() {
  return (
    <div>
      <p>Don't panic</p>
    </div>
  );
}
`);
    expect(detectLanguage(snippet)).toBe('jsx');
  });
});

describe('detectLanguage: speed', () => {
  // V8 compiles a regular expression on its first runs: that one-off cost is not what is
  // measured. Each timed block is new, so the cache cannot answer for it.
  beforeAll(() => {
    for (const sample of SAMPLES) detectLanguage(sample.code, 'foo');
  });

  const oneLiners: [string, string][] = [
    ['minified JavaScript', 'var a=function(b){return b*2};'.repeat(4000)],
    ['one long word', 'x'.repeat(100_000)],
    ['spaced words', 'private '.repeat(12_500)],
    ['markup', '<div class="row"><span>'.repeat(5_000)],
    ['CSS-like runs', '.a:b-c[d] '.repeat(10_000)],
    ['key-value runs', 'key = value; '.repeat(8_000)],
    ['backticks and quotes', '`"\''.repeat(34_000)],
    ['open brackets', '['.repeat(100_000)],
    ['balanced brackets', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['nested objects', '{"a":'.repeat(20_000)],
    [
      'minified JSON',
      JSON.stringify(Array.from({ length: 3_000 }, (_, id) => ({ id, tags: ['a'] }))),
    ],
  ];

  // Well under 50 ms: a few milliseconds at most, with room for a busy machine.
  it.each(oneLiners)(
    'detects a block of %s, 100,000 characters on one line, in under 25 ms',
    (_, line) => {
      const block = line.slice(0, 100_000).padEnd(100_000, ' ');
      const started = performance.now();
      detectLanguage(block, 'foo');
      expect(performance.now() - started).toBeLessThan(25);
    },
  );

  it('detects 120 lines of 240 adversarial characters in under 50 ms', () => {
    // Spaces after `private` once made a Java pattern backtrack for 8 ms a line.
    const block = Array.from({ length: 120 }, (_, i) => `private${' '.repeat(231)}x${i % 10}`).join(
      '\n',
    );
    const started = performance.now();
    detectLanguage(block);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
