"""Reading scenario files into the scenario's plain types (`scenario`): safe YAML with every node's place
(`source`), the traps YAML sets for a writer (`traps`), the fields and their checks (`load`, `fields`,
`placeholders`, `limits`), and every problem located and explained (`problem`)."""
