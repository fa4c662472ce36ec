/**
 * The labels of a figure as the renderers draw them: sceneToMarks' labels replaced by placeLabels'
 * placements for one camera and frame size. The static figures use it for each frame shape, the
 * live figure for its target camera and measured size, the content check at phone size.
 */
import { cameraFor, clampView } from '../geo/camera.ts';
import type { Box, Scene } from '../scene/types.ts';
import { LAYOUT, type FrameSize } from '../scene/layout.ts';
import type { Marks } from './scene-to-marks.ts';
import { placeLabels, type Placement, type PxBox, type Side } from './place-labels.ts';

/** The marks a renderer draws: the placed labels instead of the raw ones. */
export type PlacedMarks = Omit<Marks, 'labels'> & { labels: Placement['placed'] };

/**
 * The camera a frame shape shows for a scene, as the live figure frames it before it measures its
 * insets: the phone camera (or wide camera) fitted to the frame's aspect and kept inside the basemap.
 */
export function frameCamera(scene: Scene, shape: keyof typeof LAYOUT.frames, limits: Box): Box {
  const frame = LAYOUT.frames[shape];
  const subject = shape === 'phone' ? scene.phoneCamera : scene.camera;
  return clampView(cameraFor(subject, frame.width / frame.height), limits, subject);
}

/** Map units per CSS px of a static drawing of `camera` at `frame` (4 decimals, as written in the page). */
export function frameScale(camera: Box, frame: FrameSize): number {
  return Math.round(Math.max(camera.w / frame.width, camera.h / frame.height) * 10000) / 10000;
}

/** Marks with their labels placed for `camera` shown at `frame` px. */
export function withPlacedLabels(
  marks: Marks,
  camera: Box,
  frame: FrameSize,
  options: { obstacles?: readonly PxBox[]; previous?: Readonly<Record<string, Side>> } = {},
): PlacedMarks & { placement: Placement } {
  const placement = placeLabels({ marks, camera, frame, ...options });
  return { ...marks, labels: placement.placed, placement };
}
