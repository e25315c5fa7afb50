import { Link } from "@tanstack/react-router";
import { type ProducedRecord, RECORD_TYPES } from "../contract.ts";

const typeNamed = (name: string) => RECORD_TYPES.find((type) => type.name === name);

/** A record a receipt wrote, linked to its page. */
export function ProducedRecordLink({ record }: { record: ProducedRecord }) {
  const type = typeNamed(record.type);
  const label = `${type?.title ?? record.type} ${record.external_id || record.id}`;
  if (!type) return <span className="mono">{label}</span>;
  return (
    <Link to="/records/$type/$id" params={{ type: type.path, id: record.id }} search={{}}>
      {label}
    </Link>
  );
}

/** The records a receipt wrote: its lineage. */
export function ProducedRecords({ records }: { records: readonly ProducedRecord[] }) {
  if (records.length === 0) return <p className="muted">No records.</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="produced-records">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Type</th>
            <th scope="col">External id</th>
            <th scope="col">Id</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={`${record.type}/${record.id}`}>
              <td>
                <ProducedRecordLink record={record} />
              </td>
              <td>{typeNamed(record.type)?.title ?? record.type}</td>
              <td className="mono">{record.external_id}</td>
              <td className="mono small">{record.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
