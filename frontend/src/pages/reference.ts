// API reference: GET /api/openapi.json rendered by Swagger UI (swagger-ui-dist from npm, bundled into this page's
// chunk and its style sheet: nothing is loaded from another origin). "Try it out" sends GETs only: writes need a token
// and have their own page (#/ingest).
import 'swagger-ui-dist/swagger-ui.css';
import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import type { Ctx, Page } from '../context';
import { h } from '../dom';

export function referencePage(ctx: Ctx): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const ui = h('div', { id: 'api-reference', class: 'api-reference' });
  const el = h(
    'div',
    { class: 'page reference' },
    h('h1', null, t('apiReference')),
    h('p', { class: 'muted' }, t('apiReferenceIntro'), ' ', h('a', { href: 'api/openapi.json', id: 'openapi-link' }, 'openapi.json')),
    ui,
  );
  SwaggerUI({
    url: 'api/openapi.json',
    domNode: ui,
    deepLinking: false, // the hash is the dashboard's router
    supportedSubmitMethods: ['get'],
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
    validatorUrl: null, // no call to swagger.io's validator
    displayRequestDuration: true,
  });
  return { el, title: t('apiReference') };
}
