// The name (linked to the employee's page), email and job title cells that every employee table shows.
import Link from "next/link";
import { Td } from "@/components/ui";

type Row = { id: string; displayName: string | null; email: string | null; title: string | null };

export const EmployeeCells = ({ slug, row }: { slug: string; row: Row }) => (
  <>
    <Td className="max-w-[14rem]">
      <Link href={`/w/${slug}/employees/${row.id}`} className="block truncate rounded font-medium text-brand-700 underline-offset-2 hover:text-brand-800 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        {row.displayName || row.email || "Unnamed employee"}
      </Link>
    </Td>
    <Td className="max-w-[16rem]">
      <span className="block truncate">{row.email ?? "—"}</span>
    </Td>
    <Td className="max-w-[12rem]">
      <span className="block truncate">{row.title ?? "—"}</span>
    </Td>
  </>
);
