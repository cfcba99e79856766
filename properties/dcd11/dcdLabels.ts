/** Scenario labels of the v11/v10 profile's suites: the situations where T1, T3, T4 and T5 live. */
export const DCD_LABELS = {
  taggedClaim: 'a tagged group of 2 or more claimed',
  untaggedClaim: 'an untagged resource claimed',
  claimRolledBack: 'a tagged claim rolled back (an unaligned member)',
  releaseRefused: 'a release refused while in use (pending)',
  pendingDone: 'a pending release done by a trim',
  releaseDone: 'a tag group released',
  groupDuringClaim: 'a group of the claimed tag arrived during the claim',
  seqRefused: 'a group refused for its seqBase',
} as const;
