/**
 * The serialisable shapes shared by build time and the browser: the Atlas (everything the map can
 * show, projected once) and the Scene (what one step shows). Types only.
 */
import type { Box } from '../geo/camera.ts';

export type { Box };

/** A projected point: [x, y] in map units. */
export type XY = [number, number];

export interface AtlasPlace {
  name: string;
  /** Text of its map label (the name unless the place sets mapLabel). */
  label: string;
  kind: string;
  x: number;
  y: number;
  /** Radius in map units; 0 for a point. Areas (r > 0) are drawn shaded, never as pins. */
  r: number;
}

export interface AtlasLeg {
  /** Projected points of the leg, in order. */
  points: XY[];
  /** True when the path of this stretch is not sourced (drawn differently). */
  unverified: boolean;
}

export interface AtlasRoute {
  name: string;
  label: string;
  mode: 'land' | 'air' | 'sea';
  /** A source said the route was closed (routes.json `status: "closed"`): drawn faded, labelled "(closed)". */
  closed: boolean;
  waypoints: string[];
  /** Consecutive stretches, split where sourced and unverified stretches meet. */
  legs: AtlasLeg[];
  /** Total length in map units (sum of straight segments). */
  length: number;
}

export interface AtlasFigure {
  measure: string;
  qualifier: string | null;
  value: number | null;
  range: [number, number] | null;
  reportedBy: string;
  date: string;
  note: string | null;
}

export interface AtlasEvent {
  title: string;
  date: string;
  endDate: string | null;
  kind: string;
  actor: string;
  status: 'confirmed' | 'attributed' | 'alleged' | 'disputed';
  attribution: string;
  places: string[];
  /** Outline of the event's area (hull of its places buffered by areaKm), or null. */
  area: XY[] | null;
  figures: AtlasFigure[];
}

export interface TimelineItem {
  id: string;
  /** Position along the timeline, 0…1. */
  t: number;
  /** Row, so that labels close in time do not collide. */
  lane: number;
}

export interface AtlasTimeline {
  start: string;
  end: string;
  ticks: { label: string; t: number }[];
  items: TimelineItem[];
}

/** Everything the figure can show, projected at build time and shipped once per page. */
export interface Atlas {
  width: number;
  height: number;
  kmPerUnit: number;
  /** How far the basemap is drawn, in map units: cameras are kept inside where they fit. */
  limits: Box;
  places: Record<string, AtlasPlace>;
  routes: Record<string, AtlasRoute>;
  events: Record<string, AtlasEvent>;
  timeline: AtlasTimeline;
  countryLabels: { name: string; x: number; y: number }[];
}

export type LegendKey =
  | 'route-land'
  | 'route-air'
  | 'route-sea'
  | 'route-unverified'
  | 'route-closed'
  | 'place'
  | 'area'
  | 'event-area'
  | 'golan'
  | 'timeline-israel'
  | 'timeline-us'
  | 'timeline-iran-allies'
  | 'timeline-other'
  | 'timeline-status';

export interface LegendEntry {
  key: LegendKey;
  label: string;
}

export interface SceneRoute {
  id: string;
  /** How much of the route is drawn in the step's end state, 0…1 (the declared state is 1). */
  drawn: number;
}

/** What one step shows: a plain value, serialised into the page and read by the controller. */
export interface Scene {
  step: string;
  /** Box of interest (padded, minimum span applied), for wide figures. */
  camera: Box;
  /** Box of interest for phones (tall figures under text cards). */
  phoneCamera: Box;
  routes: SceneRoute[];
  /** Labelled places (frame, step and event places), in a stable order. */
  places: string[];
  /**
   * The places the step names (its `places` prop and its events' places): their labels are never
   * dropped, and the content check fails when one cannot be placed at phone size. Absent: all places.
   */
  named?: string[];
  /** Unlabelled waypoint dots of the drawn routes that are not in `places`. */
  waypoints: string[];
  events: string[];
  /** Event ids highlighted on a timeline, or null when the step shows no timeline. */
  timeline: string[] | null;
  /** Event id whose figures are drawn as a range chart, or null. */
  chart: string | null;
  legend: LegendEntry[];
  alt: string;
}
