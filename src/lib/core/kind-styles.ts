/**
 * How each kind of actor is drawn. Kinds differ by shape and size as well as
 * colour, so the picture still reads in greyscale and for colour-blind readers.
 * Shared by the canvas, the on-screen legend and the exported legend.
 */
import type { ActorKind } from './model';

export interface KindStyle {
  label: string;
  /** sigma node program: a square, a disc, or concentric rings. */
  program: 'square' | 'circle' | 'ring' | 'target' | 'double';
  color: string;
  /** The same hue, lighter, for pictures on a dark background. */
  darkColor: string;
  /** Size of an actor with no visible relation; each relation adds to it. */
  baseSize: number;
}

export const KIND_STYLES: Record<ActorKind, KindStyle> = {
  state: { label: 'State', program: 'square', color: '#2f4b7c', darkColor: '#7d9fdc', baseSize: 9 },
  organisation: { label: 'Organisation', program: 'target', color: '#7a5195', darkColor: '#b393d8', baseSize: 9 },
  person: { label: 'Person', program: 'circle', color: '#3d8c8c', darkColor: '#6cc4c4', baseSize: 5 },
  region: { label: 'Region', program: 'ring', color: '#5f7f2f', darkColor: '#9cc45e', baseSize: 7 },
  group: { label: 'Group', program: 'double', color: '#8c6d31', darkColor: '#d2a95a', baseSize: 6.5 },
};
