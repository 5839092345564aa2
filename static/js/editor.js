// The toolbar editor of document texts (TinyMCE 6, MIT, vendored under static/vendor).
// It allows the same structure the server keeps (policies/content.py): headings, paragraphs,
// emphasis, lists, tables and links; the server sanitises again whatever arrives.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var areas = document.querySelectorAll("textarea[data-rich-text]");
    if (!areas.length || !window.tinymce) { return; }
    var base = document.body.getAttribute("data-editor-base");
    window.tinymce.init({
      selector: "textarea[data-rich-text]",
      base_url: base,
      suffix: ".min",
      plugins: "lists link table autoresize",
      toolbar: "undo redo | blocks | bold italic underline | bullist numlist | link table | removeformat",
      block_formats: "Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4",
      menubar: false,
      branding: false,
      promotion: false,
      statusbar: false,
      min_height: 360,
      convert_urls: false,
      paste_data_images: false,
      valid_elements: "h1,h2,h3,h4,h5,h6,p,br,hr,blockquote,pre,code,strong/b,em/i,u,s,sub,sup,span," +
        "ul,ol[start],li,table,caption,colgroup[span],col[span],thead,tbody,tfoot,tr," +
        "th[colspan|rowspan|scope],td[colspan|rowspan],a[href|title]",
      table_default_attributes: {},
      table_default_styles: {},
      object_resizing: false,
      table_resize_bars: false,
      content_css: base + "/skins/content/default/content.min.css",
      setup: function (editor) {
        editor.on("change", function () { editor.save(); });
      }
    });
  });
})();
