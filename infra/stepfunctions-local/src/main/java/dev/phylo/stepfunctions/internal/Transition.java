package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a state leads: the next state (null at the end of the branch) and the state's output. */
record Transition(String next, JsonNode output) {}
