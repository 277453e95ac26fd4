"""Results for the organisation: xAPI 1.0.3 statements built from the journal, sent to a learning record store.

- `vocabulary`: the verbs, activity types and our own IRIs;
- `statements`: one statement per decision and one per finished playthrough, always the same for the same data;
- `scenarios`: the scenario files the statements need (the choices, the best and worst score);
- `trainees`: who a statement is about, by name or under a pseudonym;
- `lrs`: the HTTP client, with a one-line reason for every way a store can fail;
- `delivery`: sending in batches and remembering per store what it holds.
"""
