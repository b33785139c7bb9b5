"""Held keys must not decide works. A held key sends repeated keydown events (``event.repeat``);
Streamlit's shortcuts would press the button for each, deciding one work after another. This
script, run once per browser tab, drops repeated key events outside text fields before the
shortcuts see them. (A second, separate press that arrives before the next work is drawn is
refused on the server: the decision buttons name the work they were drawn for.)"""

KEY_GUARD = """<script data-nordic-review="key-guard">
(function () {
  if (window.__nordicReviewKeyGuard) { return; }
  window.__nordicReviewKeyGuard = true;
  function typing(el) {
    return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  window.addEventListener("keydown", function (event) {
    if (event.repeat && !typing(event.target)) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  }, true);
})();
</script>"""
