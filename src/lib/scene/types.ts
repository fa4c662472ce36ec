/**
 * The serialisable shapes shared by build time and the browser: the Atlas (everything the map can
 * show, projected once) and the Scene (what one step shows). Types only.
 */
import type { Box } from '../geo/camera.ts';

export type { Box };

/** A projected point: [x, y] in map units. */
export type XY = [number, number];

/** A place as the map shows it, projected. */
export interface AtlasPlace {
  /** Display name (places.json `name`). */
  name: string;
  /** Text of its map label (the name unless the place sets mapLabel). */
  label: string;
  /** places.json `kind` (city, town, crossing, …). */
  kind: string;
  /** Projected position, in map units. */
  x: number;
  y: number;
  /** Radius in map units; 0 for a point. Areas (r > 0) are drawn shaded, never as pins. */
  r: number;
}

/** One stretch of a route between two waypoints where the sourcing changes. */
export interface AtlasLeg {
  /** Projected points of the leg, in order. */
  points: XY[];
  /** True when the path of this stretch is not sourced (drawn differently). */
  unverified: boolean;
}

/** A route as the map draws it: its legs projected, in waypoint order. */
export interface AtlasRoute {
  /** routes.json `name`. */
  name: string;
  /** Text of its map label. */
  label: string;
  /** How it travels: land, air or sea (drawn differently). */
  mode: 'land' | 'air' | 'sea';
  /** A source said the route was closed (routes.json `status: "closed"`): drawn faded, labelled "(closed)". */
  closed: boolean;
  /** Place ids in travel order. */
  waypoints: string[];
  /** Consecutive stretches, split where sourced and unverified stretches meet. */
  legs: AtlasLeg[];
  /** Total length in map units (sum of straight segments). */
  length: number;
}

/** A reported figure of an event (events.json `figures`), with absent fields as null. */
export interface AtlasFigure {
  measure: string;
  qualifier: string | null;
  value: number | null;
  range: [number, number] | null;
  reportedBy: string;
  date: string;
  note: string | null;
}

/** An event as the map and timeline show it: its fields from events.json, and its area projected. */
export interface AtlasEvent {
  title: string;
  date: string;
  endDate: string | null;
  kind: string;
  actor: string;
  status: 'confirmed' | 'attributed' | 'alleged' | 'disputed';
  attribution: string;
  /** Ids of the places the event happened at. */
  places: string[];
  /** Outline of the event's area (hull of its places buffered by areaKm), or null. */
  area: XY[] | null;
  figures: AtlasFigure[];
}

/** One event on the story's timeline. */
export interface TimelineItem {
  /** Event id. */
  id: string;
  /** Position along the timeline, 0…1. */
  t: number;
  /** Row, so that labels close in time do not collide. */
  lane: number;
}

/** The story's one timeline: the span it covers, its ticks and its events. */
export interface AtlasTimeline {
  /** First date shown (partial date, YYYY[-MM[-DD]]). */
  start: string;
  /** Last date shown. */
  end: string;
  /** Axis ticks; `t` is the position along the timeline, 0…1. */
  ticks: { label: string; t: number }[];
  /** The events on it, each with its position and lane. */
  items: TimelineItem[];
}

/** Everything the figure can show, projected at build time and shipped once per page. */
export interface Atlas {
  /** Size of the projected map, in map units. */
  width: number;
  height: number;
  /** Kilometres per map unit (the scale bar). */
  kmPerUnit: number;
  /** How far the basemap is drawn, in map units: cameras are kept inside where they fit. */
  limits: Box;
  /** Every place, route and event, by id. */
  places: Record<string, AtlasPlace>;
  routes: Record<string, AtlasRoute>;
  events: Record<string, AtlasEvent>;
  timeline: AtlasTimeline;
  /** Country names and where the basemap puts their labels, in map units. */
  countryLabels: { name: string; x: number; y: number }[];
}

/** Which symbol a legend entry explains. */
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

/** One line of a step's key: a symbol and its text. */
export interface LegendEntry {
  key: LegendKey;
  label: string;
}

/** A route a step shows, and how much of it. */
export interface SceneRoute {
  /** Route id. */
  id: string;
  /** How much of the route is drawn in the step's end state, 0…1 (the declared state is 1). */
  drawn: number;
}

/** What one step shows: a plain value, serialised into the page and read by the controller. */
export interface Scene {
  /** The step's id (its #anchor). */
  step: string;
  /** Box of interest (padded, minimum span applied), for wide figures. */
  camera: Box;
  /** Box of interest for phones (tall figures under text cards). */
  phoneCamera: Box;
  /** Routes drawn, in drawing order. */
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
  /** Event ids whose areas are shaded. */
  events: string[];
  /** Event ids highlighted on a timeline, or null when the step shows no timeline. */
  timeline: string[] | null;
  /** Event id whose figures are drawn as a range chart, or null. */
  chart: string | null;
  /** The key under the map for this step. */
  legend: LegendEntry[];
  /** Text alternative of the figure (the step's `alt`), also the live figure's aria-label. */
  alt: string;
}

/** A Scene as the live figure reads it from the page: the legend is the step's static figure's key. */
export type LiveScene = Omit<Scene, 'legend'>;
