// Stands in for office.js in the end-to-end tests: the page asks Microsoft's CDN for office.js, and the test answers
// with this script instead (no network). It loads the in-memory Excel host and opens the pane as Office would; it
// has no nested app authentication, so the pane signs in through the dialog, which this fake opens as a browser
// window and whose messageParent() reaches the pane as Office's DialogMessageReceived event does.
(function () {
  "use strict";
  var host = import("https://appsforoffice.microsoft.com/kostra-test/fake-excel.js").then(function (fake) {
    var book = new fake.FakeWorkbook({ sheets: ["Ark1"], selection: "Ark1!A1" });
    window.kostraTestWorkbook = book;
    window.Excel = fake.fakeExcelNamespace(book);
  });
  var EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };

  function displayDialogAsync(url, options, callback) {
    var handlers = {};
    var opened = window.open(url, "kostra-dialog", "popup,width=420,height=640");
    var done = false;
    var finish = function () {
      done = true;
      window.removeEventListener("message", receive);
    };
    var receive = function (event) {
      if (event.source !== opened || event.origin !== window.location.origin || !event.data
        || typeof event.data.kostraDialogMessage !== "string") return;
      if (handlers[EventType.DialogMessageReceived]) handlers[EventType.DialogMessageReceived]({ message: event.data.kostraDialogMessage });
    };
    window.addEventListener("message", receive);
    var watch = window.setInterval(function () {
      if (done || !opened.closed) return;
      window.clearInterval(watch);
      finish();
      if (handlers[EventType.DialogEventReceived]) handlers[EventType.DialogEventReceived]({ error: 12006 });
    }, 250);
    callback({
      status: "succeeded",
      value: {
        addEventHandler: function (type, handler) { handlers[type] = handler; },
        close: function () {
          finish();
          window.clearInterval(watch);
          opened.close();
        },
      },
    });
  }

  window.OfficeRuntime = {
    storage: {
      getItem: function (key) { return Promise.resolve(window.localStorage.getItem(key)); },
      setItem: function (key, value) { window.localStorage.setItem(key, value); return Promise.resolve(); },
      removeItem: function (key) { window.localStorage.removeItem(key); return Promise.resolve(); },
    },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: EventType,
    context: {
      // Excel on the web: every Excel API set (the pane opens workbooks with ExcelApi 1.8), and no nested app authentication
      requirements: { isSetSupported: function (name) { return name === "ExcelApi"; } },
      ui: {
        displayDialogAsync: displayDialogAsync,
        messageParent: function (message) {
          window.opener.postMessage({ kostraDialogMessage: message }, window.location.origin);
        },
      },
    },
    onReady: function (callback) {
      return host.then(function () {
        var info = { host: "Excel", platform: "OfficeOnline" };
        if (callback) callback(info);
        return info;
      });
    },
  };
})();
