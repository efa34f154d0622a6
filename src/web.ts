// The web app (web/, built into web/dist/ by `npm run build:web`) at `/`, on the API's own origin: its
// files as they are (hashed assets cached for a year), and index.html for every other page address of
// the app (/gemeinde/07137 …), so a link into the app opens it. Before a build, `/` says how to make one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { fromProject } from './paths.js';

export const WEB_DIR = fromProject('web/dist');

/** Paths the API answers itself; everything else a browser asks for as a page is the app's. */
const API_PATHS = ['/graphql', '/health', '/ready', '/schema.graphql'];

export function serveWeb(app: Express, dir: string = WEB_DIR): void {
  const index = join(dir, 'index.html');
  // Everything the app loads is its own (a closed network has nothing else): scripts, styles, images,
  // and its API calls to the same origin. Inline styles are allowed: the app sets element styles.
  app.use(
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get(/.*/, (req, res, next) => {
    if (API_PATHS.some((p) => req.path === p || req.path.startsWith(`${p}/`)) || !req.accepts('html')) {
      next();
      return;
    }
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="de"><meta charset="utf-8"><title>Web-App nicht gebaut</title><p>Die Web-App ist noch nicht gebaut: <code>npm run build:web</code> (oder <code>npm start</code>). Die API läuft unter <a href="/graphql">/graphql</a>.</p></html>');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
