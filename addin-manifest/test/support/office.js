import { OfficeMockObject } from "office-addin-mock";

/** The Excel namespace as office-addin-mock builds it, running batches on an in-memory workbook. */
export function excelFor(book) {
  return new OfficeMockObject({ run: async (batch) => book.run(batch) });
}
