/**
 * What each step should show, computed from the content files directly (not from the page's
 * scenes): the labelled places, the waypoint dots, the areas and the routes.
 */
import { loadStory } from '../../src/lib/content/load.ts';

export interface ExpectedStep {
  id: string;
  chapter: string;
  /** Places drawn as dots (radius 0): labelled places and route waypoints. */
  dots: string[];
  /** Places and events drawn as areas. */
  areas: string[];
  /** Places the step is about: must be inside the visible figure. */
  focus: string[];
  routes: string[];
  alt: string;
  timeline: boolean;
  chart: string | null;
}

export function expectedSteps(): ExpectedStep[] {
  const { catalog, chapters } = loadStory(process.env.CONTENT_DIR);
  const place = (id: string) => {
    const p = catalog.places.find((x) => x.id === id);
    if (!p) throw new Error(`unknown place ${id}`);
    return p;
  };
  return chapters.flatMap((chapter) =>
    chapter.steps.map((s) => {
      const frame = catalog.frames.find((f) => f.id === s.props.frame)!;
      const framePlaces = 'places' in frame.bounds ? frame.bounds.places : [];
      const events = s.props.events.map((id) => catalog.events.find((e) => e.id === id)!);
      const labelled = [...new Set([...framePlaces, ...s.props.places, ...events.flatMap((e) => e.places)])];
      const waypoints = s.props.routes.flatMap((id) => catalog.routes.find((r) => r.id === id)!.waypoints);
      const all = [...new Set([...labelled, ...waypoints])];
      return {
        id: s.props.id,
        chapter: chapter.slug,
        // Territories are named only; labelled places with a radius are areas; route waypoints are dots.
        dots: all.filter((id) => (labelled.includes(id) ? place(id).radiusKm === 0 && place(id).kind !== 'territory' : true)).sort(),
        areas: [
          ...labelled.filter((id) => place(id).radiusKm > 0 && place(id).kind !== 'territory'),
          ...events.filter((e) => e.areaKm).map((e) => e.id),
        ].sort(),
        focus: [...new Set([...s.props.places, ...events.flatMap((e) => e.places)])],
        routes: [...s.props.routes],
        alt: s.props.alt,
        timeline: s.props.timeline,
        chart: s.props.chart ?? null,
      };
    }),
  );
}
