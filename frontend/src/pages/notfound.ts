import type { Ctx, Page } from '../context';
import { h } from '../dom';
import { href, type Route } from '../router';

export function notFoundPage(ctx: Ctx, route: Extract<Route, { page: 'notfound' }>): Page {
  return {
    title: ctx.i18n.t('notFound'),
    el: h(
      'div',
      { class: 'page' },
      h('section', { class: 'card' }, h('h1', null, ctx.i18n.t('notFound')), h('p', null, h('code', null, route.path)), h('p', null, h('a', { href: href.overview() }, ctx.i18n.t('overview')))),
    ),
  };
}
