/* Stage links on the support stages page: a link to #stage-1 targets the step list; where CSS shows
 * the table instead (wide screens), scroll to the table's row. The row's id is the step's id plus
 * the suffix in the data-row-suffix attribute of the [data-chiiki-stage-links] element. */
(function () {
  "use strict";

  var section = document.querySelector("[data-chiiki-stage-links]");
  if (!section) return;
  var suffix = section.dataset.rowSuffix || "-row";

  function followStageLink() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return;
    }
    var step = id && document.getElementById(id);
    var row = step && document.getElementById(id + suffix);
    if (row && !step.getClientRects().length) row.scrollIntoView();
  }

  window.addEventListener("hashchange", followStageLink);
  followStageLink();
})();
