/**
 * Resource-tree-suite commands as plain values. Resources are named by index into the
 * model's live resources in depth-first order (resolved at run time, -1 = missing), and
 * positions are anchored to the chosen resource, its children or siblings, so that
 * adjacent, overlapping, nested and out-of-range requests come up all the time. Each
 * command and its call are defined with their operation in ops/.
 */
import type { AddRootCall, AddRootCmd } from './ops/addRoot.ts';
import type { AdjustResourceCall, AdjustResourceCmd } from './ops/adjustResource.ts';
import type { FailNthCall, FailNthCmd } from './ops/failNth.ts';
import type { ReleaseRegionCall, ReleaseRegionCmd } from './ops/releaseRegion.ts';
import type { ReleaseResourceCall, ReleaseResourceCmd } from './ops/releaseResource.ts';
import type { RequestRegionCall, RequestRegionCmd } from './ops/requestRegion.ts';
import type { RequestResourceCall, RequestResourceCmd } from './ops/requestResource.ts';

export type TreeCommand = AddRootCmd | RequestResourceCmd | RequestRegionCmd | ReleaseRegionCmd | AdjustResourceCmd | ReleaseResourceCmd | FailNthCmd;

export type TreeCall = AddRootCall | RequestResourceCall | RequestRegionCall | ReleaseRegionCall | AdjustResourceCall | ReleaseResourceCall | FailNthCall;
