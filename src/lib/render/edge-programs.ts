/**
 * Edge programs whose arrowheads never shrink below a readable size.
 *
 * sigma's and @sigma/edge-curve's heads scale with the edge's thickness
 * (2.5 × long, 2 × wide), so a one-relation edge, 2 px thick, gets a 5 × 4 px
 * head that vanishes at the default zoom. Here the head is drawn as if the
 * edge were at least MIN_HEAD_THICKNESS CSS pixels thick; the line itself
 * keeps its own thickness. Sizes are CSS pixels times the pixel ratio, so an
 * export drawn at a higher pixel ratio scales its heads with everything else.
 */
import { createEdgeArrowHeadProgram, createEdgeCompoundProgram, EdgeClampedProgram, EdgeLineProgram, type EdgeProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, RenderParams } from 'sigma/types';
import { createEdgeCurveProgram, DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS } from '@sigma/edge-curve';
import type { EdgeAttributes, NodeAttributes } from './build-graph';
import { drawingVisibleOnly } from './visible-only-program';
import { targetSizeFromTexture } from './node-size-texture';

/** The thinnest edge a head is drawn for: a head at least 10 px long and 8 px wide. */
export const MIN_HEAD_THICKNESS = 4;
export const HEAD_LENGTH_RATIO = 2.5;
export const HEAD_WIDTH_RATIO = 2;

type ProgramInfo = Parameters<EdgeProgram['setUniforms']>[1];
type Definition = ReturnType<EdgeProgram['getDefinition']>;
type Program = EdgeProgramType<NodeAttributes, EdgeAttributes>;
// The factories return opaque program types; what is extended here is their two methods.
type EdgeProgramClass = new (...args: never[]) => { getDefinition(): Definition; setUniforms(params: RenderParams, info: ProgramInfo): void };

const StraightHead = createEdgeArrowHeadProgram({
  extremity: 'target',
  lengthToThicknessRatio: HEAD_LENGTH_RATIO,
  widenessToThicknessRatio: HEAD_WIDTH_RATIO,
}) as unknown as EdgeProgramClass;

/** sigma's head computes its size as max(thickness, minEdgeThickness): a larger minimum for the head alone is all it takes. */
class MinimumStraightHead extends StraightHead {
  override setUniforms(params: RenderParams, info: ProgramInfo): void {
    super.setUniforms({ ...params, minEdgeThickness: Math.max(params.minEdgeThickness, MIN_HEAD_THICKNESS) }, info);
  }
}

/**
 * The largest curvature drawn straight: looks.ts gives a parallel edge that is alone on screen between its two
 * actors (or the middle one of an odd fan) a curvature of 1e-4, which a curve program would draw as a line anyway.
 */
export const STRAIGHT_CURVATURE = 1e-3;
const bent = (data: EdgeDisplayData) => Math.abs((data as { curvature?: number }).curvature ?? 0) > STRAIGHT_CURVATURE;
const straight = (data: EdgeDisplayData) => !bent(data);

// Both read the target's size from the node-size texture (node-size-texture.ts): a resized actor rewrites none of its edges.
const ClampedFromTexture = targetSizeFromTexture(EdgeClampedProgram, 'a_radius', true);
const HeadFromTexture = targetSizeFromTexture(MinimumStraightHead, 'a_radius', true);

const straightArrowParts = (draws?: (data: EdgeDisplayData) => boolean) => [
  drawingVisibleOnly(ClampedFromTexture, draws),
  drawingVisibleOnly(HeadFromTexture, draws) as unknown as EdgeProgramType,
];

/**
 * A straight directed edge: sigma's line clamped before the target, then a head of at least the minimum size over its end.
 * Each part draws only its visible instances (visible-only-program.ts); both get the same calls, so they pack alike.
 */
export const EdgeArrowMinHeadProgram = createEdgeCompoundProgram(straightArrowParts()) as unknown as Program;

/** sigma's straight line, drawing only its visible instances. */
export const EdgeLineVisibleProgram = drawingVisibleOnly(EdgeLineProgram) as unknown as Program;

// The curve programs keep @sigma/edge-curve's buffers (a_source, a_target, a_targetSize, a_thickness, a_curvature,
// a_color, a_id; a_current and a_direction per vertex) and get their own shaders: a minimum head size, and a
// bounding box that covers the line and head on both sides of the chord, at any pixel ratio.

/** What the curve vertex shader hands its fragment shader: one list, since both must declare it alike. */
const CURVE_VARYINGS = /* glsl */ `
varying vec4 v_color;
varying float v_thickness;
varying float v_headThickness;
varying float v_feather;
varying vec2 v_cpA;
varying vec2 v_cpB;
varying vec2 v_cpC;
varying float v_targetSize;
varying vec2 v_targetPoint;
`;

function curveVertexShader(head: boolean): string {
  return /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute float a_direction;
attribute float a_thickness;
attribute vec2 a_source;
attribute vec2 a_target;
attribute float a_current;
attribute float a_curvature;
${head ? 'attribute float a_targetSize;' : ''}

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform vec2 u_dimensions;
uniform float u_minEdgeThickness;
uniform float u_feather;
uniform float u_minHeadThickness;
uniform float u_widenessToThicknessRatio;

${CURVE_VARYINGS}

const float bias = 255.0 / 254.0;
const float epsilon = 0.7;

vec2 clipspaceToViewport(vec2 pos, vec2 dimensions) {
  return vec2((pos.x + 1.0) * dimensions.x / 2.0, (pos.y + 1.0) * dimensions.y / 2.0);
}

vec2 viewportToClipspace(vec2 pos, vec2 dimensions) {
  return vec2(pos.x / dimensions.x * 2.0 - 1.0, pos.y / dimensions.y * 2.0 - 1.0);
}

void main() {
  vec2 position = a_source * max(0.0, a_current) + a_target * max(0.0, 1.0 - a_current);
  position = (u_matrix * vec3(position, 1)).xy;
  vec2 viewportPosition = clipspaceToViewport(position, u_dimensions);
  vec2 viewportSource = clipspaceToViewport((u_matrix * vec3(a_source, 1)).xy, u_dimensions);
  vec2 viewportTarget = clipspaceToViewport((u_matrix * vec3(a_target, 1)).xy, u_dimensions);

  vec2 delta = viewportTarget - viewportSource;
  float len = length(delta);
  vec2 unitNormal = vec2(-delta.y, delta.x) * a_direction / len;
  float bulge = len * a_curvature;

  // Device pixels from here on.
  v_thickness = max(u_minEdgeThickness, a_thickness / u_sizeRatio) * u_pixelRatio;
  v_headThickness = max(v_thickness, u_minHeadThickness * u_pixelRatio);
  v_feather = u_feather;
  v_cpA = viewportSource;
  v_cpB = 0.5 * (viewportSource + viewportTarget) + unitNormal * a_direction * bulge;
  v_cpC = viewportTarget;

  // Vertices of direction 1 lie beyond the bulge, those of direction -1 on the other side of the chord.
  float margin = ${head ? 'v_headThickness * u_widenessToThicknessRatio' : 'v_thickness'} / 2.0 + epsilon + v_feather;
  float side = bulge < 0.0 ? -1.0 : 1.0;
  vec2 offset = unitNormal * (max(0.0, a_direction) * bulge / 2.0 + side * margin);
  gl_Position = vec4(viewportToClipspace(viewportPosition + offset, u_dimensions), 0, 1);

  v_targetSize = ${head ? 'a_targetSize * u_pixelRatio / u_sizeRatio' : '0.0'};
  v_targetPoint = viewportTarget;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;
}

function curveFragmentShader(head: boolean): string {
  return /* glsl */ `
precision highp float;

${CURVE_VARYINGS}

uniform float u_lengthToThicknessRatio;
uniform float u_widenessToThicknessRatio;

float det(vec2 a, vec2 b) {
  return a.x * b.y - b.x * a.y;
}

vec2 getDistanceVector(vec2 b0, vec2 b1, vec2 b2) {
  float a = det(b0, b2), b = 2.0 * det(b1, b0), d = 2.0 * det(b2, b1);
  float f = b * d - a * a;
  vec2 d21 = b2 - b1, d10 = b1 - b0, d20 = b2 - b0;
  vec2 gf = 2.0 * (b * d21 + d * d10 + a * d20);
  gf = vec2(gf.y, -gf.x);
  vec2 pp = -f * gf / dot(gf, gf);
  vec2 d0p = b0 - pp;
  float ap = det(d0p, d20), bp = 2.0 * det(d10, d0p);
  float t = clamp((ap + bp) / (2.0 * a + b + d), 0.0, 1.0);
  return mix(mix(b0, b1, t), mix(b1, b2, t), t);
}

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float dist = length(getDistanceVector(v_cpA - gl_FragCoord.xy, v_cpB - gl_FragCoord.xy, v_cpC - gl_FragCoord.xy));
  float thickness = v_thickness;
  ${
    head
      ? `float headLength = v_headThickness * u_lengthToThicknessRatio;
  float distToTarget = length(gl_FragCoord.xy - v_targetPoint);
  if (distToTarget < v_targetSize + headLength) {
    thickness = (distToTarget - v_targetSize) / headLength * u_widenessToThicknessRatio * v_headThickness;
  }`
      : ''
  }
  float halfThickness = thickness / 2.0;
  if (dist < halfThickness) {
    #ifdef PICKING_MODE
    gl_FragColor = v_color;
    #else
    gl_FragColor = mix(v_color, transparent, smoothstep(halfThickness - v_feather, halfThickness, dist));
    #endif
  } else {
    gl_FragColor = transparent;
  }
}
`;
}

function createCurveProgram(head: boolean): Program {
  const Base = createEdgeCurveProgram({
    ...DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS,
    arrowHead: head ? { extremity: 'target', lengthToThicknessRatio: HEAD_LENGTH_RATIO, widenessToThicknessRatio: HEAD_WIDTH_RATIO } : null,
  }) as unknown as EdgeProgramClass;

  class CurveProgram extends Base {
    override getDefinition(): Definition {
      const definition = super.getDefinition();
      const own = ['u_minHeadThickness', 'u_lengthToThicknessRatio', 'u_widenessToThicknessRatio'];
      return {
        ...definition,
        VERTEX_SHADER_SOURCE: curveVertexShader(head),
        FRAGMENT_SHADER_SOURCE: curveFragmentShader(head),
        UNIFORMS: [...new Set([...definition.UNIFORMS, ...own])],
      };
    }

    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      const { gl, uniformLocations } = info;
      gl.uniform1f(uniformLocations.u_minHeadThickness, MIN_HEAD_THICKNESS);
      gl.uniform1f(uniformLocations.u_lengthToThicknessRatio, HEAD_LENGTH_RATIO);
      gl.uniform1f(uniformLocations.u_widenessToThicknessRatio, HEAD_WIDTH_RATIO);
    }
  }
  return drawingVisibleOnly(head ? targetSizeFromTexture(CurveProgram, 'a_targetSize', false) : CurveProgram, bent) as unknown as Program;
}

// A parallel edge keeps its curve type for the graph's life (sigma files its slot under it), but while it is straight
// on screen it is drawn by the straight programs: a curve instance shades a bezier distance over a quad as wide as its
// arrowhead along the whole edge, which under a software rasteriser made a frame cost twice the rebuild's.

/** An undirected parallel edge: the curve program while it bends, sigma's line while it is straight. */
export const EdgeCurveMinHeadProgram = createEdgeCompoundProgram([
  createCurveProgram(false) as unknown as EdgeProgramType,
  drawingVisibleOnly(EdgeLineProgram, straight) as unknown as EdgeProgramType,
]) as unknown as Program;

/** A directed parallel edge: the curved arrow while it bends, the straight arrow while it is straight. */
export const EdgeCurvedArrowMinHeadProgram = createEdgeCompoundProgram([
  createCurveProgram(true) as unknown as EdgeProgramType,
  ...straightArrowParts(straight),
]) as unknown as Program;
