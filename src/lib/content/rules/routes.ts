/** Rule family "routes": waypoints and sources exist, and every unverified leg runs between two waypoints in order. */
import { quoteList, didYouMean } from '../diagnostics.ts';
import type { Route } from '../schemas.ts';
import type { Entry, Report, Tables } from './tables.ts';

export function checkRoutes(t: Tables, report: Report): void {
  for (const e of t.routes.entries) {
    report.jsonRefs(t.routes, e, ['waypoints'], t.places);
    report.jsonRefs(t.routes, e, ['sources'], t.sources);
    if (e.parsed && t.routes.json) checkUnverifiedLegs(t, e as Entry<Route> & { parsed: Route }, report);
  }
}

function checkUnverifiedLegs(t: Tables, e: Entry<Route> & { parsed: Route }, report: Report): void {
  const route = e.parsed;
  route.unverifiedLegs.forEach((leg, k) => {
    const idx = { from: route.waypoints.indexOf(leg.from), to: route.waypoints.indexOf(leg.to) };
    for (const end of ['from', 'to'] as const) {
      if (idx[end] >= 0) continue;
      report.at(
        t.routes,
        [e.index, 'unverifiedLegs', k, end],
        `"${leg[end]}" is not a waypoint of route "${route.id}"`,
        `one of its waypoints: ${quoteList(route.waypoints)}`,
        didYouMean(leg[end], route.waypoints, `use one of ${quoteList(route.waypoints)}`),
      );
    }
    if (idx.from >= 0 && idx.to >= 0 && idx.from >= idx.to) {
      report.at(
        t.routes,
        [e.index, 'unverifiedLegs', k, 'to'],
        `"${leg.to}" does not come after "${leg.from}" in the waypoints`,
        'from before to, in waypoint order',
        idx.from === idx.to ? 'make "to" a later waypoint than "from"' : `swap from and to ("from": "${leg.to}", "to": "${leg.from}")`,
      );
    }
  });
}
