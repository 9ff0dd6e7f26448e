"""Drills: a drill workspace built from a scenario file, a facilitator clock with timed injects,
partners simulated on the same laptop through real signed snapshots, reset and debriefing export."""
