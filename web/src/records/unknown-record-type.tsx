import { Link } from "@tanstack/react-router";
import { PageHeader } from "../ui/page-header.tsx";

/** A records URL naming a type that does not exist (a typo, an old bookmark). */
export function UnknownRecordType({ typePath }: { typePath: string }) {
  return (
    <>
      <PageHeader title="Unknown record type" windowTitle="Records" />
      <p className="panel">
        There is no record type "{typePath}". <Link to="/records">See every record type</Link>.
      </p>
    </>
  );
}
