// Read a JSON list of {name, query} from stdin; print a JSON list of {name, errors} where
// errors are Neo4j linter diagnostics other than undefined parameters.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const items = JSON.parse(input);
  const out = items.map(({ name, query }) => {
    const result = lintCypherQuery(query, {});
    const diagnostics = (result && result.diagnostics) || result || [];
    const errors = diagnostics
      .filter((d) => !/Parameter \$\S+ is not defined/.test(d.message))
      .map((d) => ({ message: d.message, severity: d.severity, range: d.range }));
    return { name, errors };
  });
  process.stdout.write(JSON.stringify(out));
});
