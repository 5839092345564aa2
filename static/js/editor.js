// The toolbar editor of document texts (TinyMCE 6, MIT, vendored under static/vendor).
// It allows the same structure the server keeps (policies/content.py): headings, paragraphs,
// emphasis, lists, tables and links; the server sanitises again whatever arrives.
// TinyMCE ships no language packs we could vendor for Bulgarian, Kazakh or Kyrgyz, so the texts
// of the toolbar, menus and dialogs we use come from the portal's JavaScript catalog (djangojs.po):
// makemessages finds the gettext() calls below, and the translators keep them with the rest.
(function () {
  "use strict";
  // The JavaScript catalog defines gettext(); the name must stay "gettext" for makemessages.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) { return text; };

  function editorTexts() {
    return {
      "Advanced": gettext("Advanced"),
      "Alignment": gettext("Alignment"),
      "Background color": gettext("Background color"),
      "Block {0}": gettext("Block {0}"),
      "Blocks": gettext("Blocks"),
      "Body": gettext("Body"),
      "Bold": gettext("Bold"),
      "Border color": gettext("Border color"),
      "Border style": gettext("Border style"),
      "Border width": gettext("Border width"),
      "Bottom": gettext("Bottom"),
      "Browse links": gettext("Browse links"),
      "Bullet list": gettext("Bullet list"),
      "Cancel": gettext("Cancel"),
      "Caption": gettext("Caption"),
      "Cell": gettext("Cell"),
      "Cell padding": gettext("Cell padding"),
      "Cell Properties": gettext("Cell Properties"),
      "Cell properties": gettext("Cell properties"),
      "Cell spacing": gettext("Cell spacing"),
      "Cell type": gettext("Cell type"),
      "Center": gettext("Center"),
      "Clear formatting": gettext("Clear formatting"),
      "Close": gettext("Close"),
      "Cols": gettext("Cols"),
      "Column": gettext("Column"),
      "Column group": gettext("Column group"),
      "Column header": gettext("Column header"),
      "Copy column": gettext("Copy column"),
      "Copy row": gettext("Copy row"),
      "Current window": gettext("Current window"),
      "Cut column": gettext("Cut column"),
      "Cut row": gettext("Cut row"),
      "Delete column": gettext("Delete column"),
      "Delete row": gettext("Delete row"),
      "Delete table": gettext("Delete table"),
      "Footer": gettext("Footer"),
      "Formats": gettext("Formats"),
      "General": gettext("General"),
      "Header": gettext("Header"),
      "Header cell": gettext("Header cell"),
      "Height": gettext("Height"),
      "Horizontal align": gettext("Horizontal align"),
      "Insert column after": gettext("Insert column after"),
      "Insert column before": gettext("Insert column before"),
      "Insert row after": gettext("Insert row after"),
      "Insert row before": gettext("Insert row before"),
      "Insert table": gettext("Insert table"),
      "Insert/Edit Link": gettext("Insert/Edit Link"),
      "Insert/edit link": gettext("Insert/edit link"),
      "Italic": gettext("Italic"),
      "Left": gettext("Left"),
      "Link": gettext("Link"),
      "Link list": gettext("Link list"),
      "Link...": gettext("Link..."),
      "List Properties": gettext("List Properties"),
      "List properties...": gettext("List properties..."),
      "Merge cells": gettext("Merge cells"),
      "Middle": gettext("Middle"),
      "New window": gettext("New window"),
      "None": gettext("None"),
      "Numbered list": gettext("Numbered list"),
      "invalid": gettext("invalid"),
      "Open link": gettext("Open link"),
      "Open link in...": gettext("Open link in..."),
      "Paste column after": gettext("Paste column after"),
      "Paste column before": gettext("Paste column before"),
      "Paste row after": gettext("Paste row after"),
      "Paste row before": gettext("Paste row before"),
      "Press {0} for help": gettext("Press {0} for help"),
      "Redo": gettext("Redo"),
      "Remove": gettext("Remove"),
      "Remove link": gettext("Remove link"),
      "Reveal or hide additional toolbar items": gettext("Reveal or hide additional toolbar items"),
      "Rich Text Area": gettext("Rich Text Area"),
      "Rich Text Area. Press ALT-0 for help.": gettext("Rich Text Area. Press ALT-0 for help."),
      "Right": gettext("Right"),
      "Row": gettext("Row"),
      "Row group": gettext("Row group"),
      "Row header": gettext("Row header"),
      "Row Properties": gettext("Row Properties"),
      "Row properties": gettext("Row properties"),
      "Row type": gettext("Row type"),
      "Rows": gettext("Rows"),
      "Save": gettext("Save"),
      "Scope": gettext("Scope"),
      "Select...": gettext("Select..."),
      "Show caption": gettext("Show caption"),
      "Split cell": gettext("Split cell"),
      "Start list at number": gettext("Start list at number"),
      "Table": gettext("Table"),
      "Table caption": gettext("Table caption"),
      "Table properties": gettext("Table properties"),
      "Table Properties": gettext("Table Properties"),
      "Text to display": gettext("Text to display"),
      "The URL you entered seems to be an email address. Do you want to add the required mailto: prefix?": gettext("The URL you entered seems to be an email address. Do you want to add the required mailto: prefix?"),
      "Title": gettext("Title"),
      "Toolbar": gettext("Toolbar"),
      "Top": gettext("Top"),
      "Underline": gettext("Underline"),
      "Undo": gettext("Undo"),
      "URL": gettext("URL"),
      "Vertical align": gettext("Vertical align"),
      "Width": gettext("Width"),
      "{0} columns, {1} rows": gettext("{0} columns, {1} rows"),
      "Paragraph": gettext("Paragraph"),
      "Heading 2": gettext("Heading 2"),
      "Heading 3": gettext("Heading 3"),
      "Heading 4": gettext("Heading 4")
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var areas = document.querySelectorAll("textarea[data-rich-text]");
    if (!areas.length || !window.tinymce) { return; }
    var base = document.body.getAttribute("data-editor-base");
    var language = (document.documentElement.getAttribute("lang") || "en").toLowerCase();
    var texts = editorTexts();
    if (language !== "en") { window.tinymce.addI18n(language, texts); }
    window.tinymce.init({
      selector: "textarea[data-rich-text]",
      base_url: base,
      language: language === "en" ? undefined : language,
      suffix: ".min",
      plugins: "lists link table autoresize",
      toolbar: "undo redo | blocks | bold italic underline | bullist numlist | link table | removeformat",
      block_formats: [texts.Paragraph + "=p", texts["Heading 2"] + "=h2", texts["Heading 3"] + "=h3",
        texts["Heading 4"] + "=h4"].join("; "),
      // Colours, borders and classes would be removed by the server: the dialogs do not offer them.
      table_advtab: false,
      table_cell_advtab: false,
      table_row_advtab: false,
      table_appearance_options: false,
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
