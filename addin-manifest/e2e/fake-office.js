// Stands in for office.js in the end-to-end test: the page asks Microsoft's CDN for office.js, and the test answers
// with this script instead (no network). It loads the in-memory Excel host and opens the pane as Office would.
(function () {
  "use strict";
  var host = import("https://appsforoffice.microsoft.com/kostra-test/fake-excel.js").then(function (fake) {
    var book = new fake.FakeWorkbook({ sheets: ["Ark1"], selection: "Ark1!A1" });
    window.kostraTestWorkbook = book;
    window.Excel = fake.fakeExcelNamespace(book);
  });
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function (callback) {
      return host.then(function () {
        var info = { host: "Excel", platform: "OfficeOnline" };
        if (callback) callback(info);
        return info;
      });
    },
  };
})();
