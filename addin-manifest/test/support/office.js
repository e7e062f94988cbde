import { OfficeMockObject } from "office-addin-mock";

/** The Excel namespace as office-addin-mock builds it, running batches on an in-memory workbook. */
export function excelFor(book) {
  return new OfficeMockObject({ run: async (batch) => book.run(batch) });
}

/** Office's requirement-set check for a host whose Excel API goes up to `excelApi` (1.4 is the manifest's minimum). */
export function officeWith(excelApi) {
  return {
    context: {
      requirements: {
        isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= Number(excelApi),
      },
    },
  };
}
