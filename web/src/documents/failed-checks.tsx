import type { DocumentDetail } from "../contract.ts";
import { formatMoney } from "../format/format.ts";

/** The checks a document failed — what was expected, what was found, the money at stake — and how many it passed. */
export function FailedChecks({ checks }: { checks: DocumentDetail["checks"] }) {
  const failed = checks.filter((check) => !check.passed);
  const passed = checks.length - failed.length;
  if (checks.length === 0) return null;
  if (failed.length === 0) {
    return (
      <p className="banner banner--good" data-testid="checks-passed">
        Every check passed ({passed}).
      </p>
    );
  }
  return (
    <section className="panel doc-checks" aria-labelledby="failed-checks-title" data-testid="failed-checks">
      <h2 id="failed-checks-title" className="panel__title">
        {failed.length === 1 ? "1 check failed" : `${failed.length} checks failed`}
        {passed > 0 ? <span className="muted small"> · {passed} passed</span> : null}
      </h2>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col" className="num">
              Expected
            </th>
            <th scope="col" className="num">
              Found
            </th>
            <th scope="col" className="num">
              At stake
            </th>
          </tr>
        </thead>
        <tbody>
          {failed.map((check) => (
            <tr key={check.check}>
              <td className="wrap">{check.check}</td>
              <td className="num mono">{check.expected}</td>
              <td className="num mono">{check.found}</td>
              <td className="num mono">{check.at_stake === null ? "—" : formatMoney(check.at_stake, null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
