import { problem, type Problem } from "../validate/problem";
import type { GraphIndex } from "./graph-index";

/** One branch of a parallel node. */
export interface BranchRegion {
  id: string;
  /** First node of the branch. */
  head: string;
  /** Nodes placed directly in this branch (nested forks' inner nodes belong to those forks). */
  nodes: string[];
}

/** A parallel node, its branches and the join where they meet. */
export interface ForkRegion {
  fork: string;
  join: string;
  branches: BranchRegion[];
}

/** Result of {@link analyzeRegions}. */
export interface Regions {
  /** Well-formed forks by parallel node id. */
  forks: Map<string, ForkRegion>;
  /** Innermost branch of every node placed inside one. */
  containerOf: Map<string, { fork: string; branch: string }>;
  /** Parallel node id of each well-formed fork's join, by join id. */
  forkOfJoin: Map<string, string>;
  problems: Problem[];
}

interface BranchWalk {
  direct: Set<string>;
  all: Set<string>;
  arrivals: Set<string>;
  reachesEnd: boolean;
  broken: boolean;
}

/**
 * Finds each parallel node's branch regions and matching join.
 *
 * @remarks A branch is everything reachable from its head without passing a join; a nested
 * parallel node is skipped over to its own join. A fork is well formed when every branch arrives
 * at the same single join, no branch reaches an end, no node sits in two branches, and nothing
 * outside a branch leads into it.
 */
export function analyzeRegions(index: GraphIndex, branchesOf: (forkId: string) => string[]): Regions {
  const forks = new Map<string, ForkRegion>();
  const containerOf = new Map<string, { fork: string; branch: string }>();
  const problems: Problem[] = [];
  const state = new Map<string, "active" | "broken" | "done">();
  /** Every node inside a well-formed fork's branches, nested ones included. */
  const membersOf = new Map<string, Set<string>>();
  /** Joins some branch arrives at, whether or not its fork is well formed. */
  const joinsReached = new Set<string>();
  const typeOf = (id: string) => index.nodes.get(id)?.type;
  const targets = (id: string) => (index.outgoing.get(id) ?? []).map((edge) => edge.target);

  function walkBranch(fork: string, head: string): BranchWalk {
    const walk: BranchWalk = { direct: new Set(), all: new Set(), arrivals: new Set(), reachesEnd: false, broken: false };
    const queue = [head];
    for (let position = 0; position < queue.length; position++) {
      const id = queue[position]!;
      if (walk.all.has(id) || walk.arrivals.has(id)) continue;
      const type = typeOf(id);
      if (type === "join") {
        walk.arrivals.add(id);
        continue;
      }
      if (id === fork || type === "start") {
        walk.broken = true;
        problems.push(problem("BRANCH_CROSSES_REGION", `A branch of "${fork}" leads back to "${id}" without passing its join.`, { nodeId: fork }));
        continue;
      }
      walk.direct.add(id);
      walk.all.add(id);
      if (type === "end") {
        walk.reachesEnd = true;
        continue;
      }
      if (type === "parallel") {
        const nested = analyzeFork(id);
        if (!nested) {
          walk.broken = true;
          continue;
        }
        for (const member of membersOf.get(id) ?? []) walk.all.add(member);
        walk.direct.add(nested.join);
        walk.all.add(nested.join);
        queue.push(...targets(nested.join));
        continue;
      }
      queue.push(...targets(id));
    }
    return walk;
  }

  function analyzeFork(fork: string): ForkRegion | undefined {
    const status = state.get(fork);
    if (status === "done") return forks.get(fork);
    if (status === "active" || status === "broken") return undefined;
    state.set(fork, "active");
    const walks = branchesOf(fork).flatMap((branch) => {
      const head = (index.outgoing.get(fork) ?? []).find((edge) => edge.sourceHandle === branch)?.target;
      return head === undefined ? [] : [{ branch, head, walk: walkBranch(fork, head) }];
    });
    const region = checkFork(fork, walks);
    state.set(fork, region ? "done" : "broken");
    if (region) forks.set(fork, region);
    return region;
  }

  function checkFork(fork: string, walks: { branch: string; head: string; walk: BranchWalk }[]): ForkRegion | undefined {
    for (const { walk } of walks) for (const join of walk.arrivals) joinsReached.add(join);
    if (walks.some(({ walk }) => walk.broken)) return undefined;
    const joins = new Set(walks.flatMap(({ walk }) => [...walk.arrivals]));
    const [join] = joins;
    const escaping = walks.find(({ walk }) => walk.reachesEnd || walk.arrivals.size !== 1);
    if (joins.size !== 1 || join === undefined || escaping) {
      const detail = escaping?.walk.reachesEnd
        ? `branch "${escaping.branch}" reaches an end node`
        : joins.size === 0
          ? "no branch reaches a join"
          : `the branches arrive at ${[...joins].map((id) => `"${id}"`).join(" and ")}`;
      problems.push(problem("FORK_WITHOUT_JOIN", `The branches of "${fork}" never meet at one join: ${detail}.`, { nodeId: fork }));
      return undefined;
    }
    let ok = true;
    const owner = new Map<string, string>();
    for (const { branch, walk } of walks) {
      for (const id of walk.all) {
        const other = owner.get(id);
        if (other !== undefined) {
          ok = false;
          problems.push(problem("BRANCH_CROSSES_REGION", `"${id}" belongs to both branch "${other}" and branch "${branch}" of "${fork}".`, { nodeId: id }));
        }
        owner.set(id, branch);
      }
    }
    for (const { branch, walk } of walks) {
      for (const id of walk.all) {
        for (const edge of index.incoming.get(id) ?? []) {
          if (edge.source === fork || walk.all.has(edge.source)) continue;
          ok = false;
          problems.push(
            problem("BRANCH_CROSSES_REGION", `"${edge.source}" leads into branch "${branch}" of "${fork}" from outside it.`, {
              nodeId: id,
              edgeId: edge.id,
            }),
          );
        }
      }
    }
    for (const edge of index.incoming.get(join) ?? []) {
      if (owner.has(edge.source)) continue;
      ok = false;
      problems.push(problem("BRANCH_CROSSES_REGION", `"${edge.source}" leads into join "${join}" but is not in a branch of "${fork}".`, { nodeId: join, edgeId: edge.id }));
    }
    if (!ok) return undefined;
    membersOf.set(fork, new Set(walks.flatMap(({ walk }) => [...walk.all])));
    return { fork, join, branches: walks.map(({ branch, head, walk }) => ({ id: branch, head, nodes: [...walk.direct] })) };
  }

  for (const [id, node] of index.nodes) if (node.type === "parallel") analyzeFork(id);

  const forkOfJoin = new Map<string, string>();
  for (const region of forks.values()) {
    const previous = forkOfJoin.get(region.join);
    if (previous !== undefined) {
      problems.push(problem("BRANCH_CROSSES_REGION", `Join "${region.join}" is shared by "${previous}" and "${region.fork}"; give each parallel node its own join.`, { nodeId: region.join }));
    }
    forkOfJoin.set(region.join, region.fork);
    for (const branch of region.branches) for (const id of branch.nodes) containerOf.set(id, { fork: region.fork, branch: branch.id });
  }
  for (const [id, node] of index.nodes) {
    if (node.type === "join" && !forkOfJoin.has(id) && !joinsReached.has(id)) {
      problems.push(problem("JOIN_WITHOUT_FORK", `Join "${id}" is not where the branches of any parallel node meet.`, { nodeId: id }));
    }
  }

  return { forks, containerOf, forkOfJoin, problems };
}
