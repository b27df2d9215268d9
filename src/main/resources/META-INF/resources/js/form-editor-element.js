/*
 * <form-schema-editor>: a form edited with bpmn.io's form editor (form-js, the editor Camunda Modeler embeds), for
 * process designers.
 *
 * A plain custom element, loaded as a classic script after /vendor/form-js/form-editor.umd.js (which defines
 * window.FormEditor): no Vaadin frontend build is involved (docs/stack.md, "JavaScript libraries"). Its styles are
 * form-js's form-js.css, form-js-editor.css, properties-panel.css, draggle.css and flatpickr/light.css.
 *
 * Properties (the server sets them):
 *   schema    the form as Camunda Modeler saves it (JSON text); setting it imports the form
 * Events (bubbling, composed):
 *   schema-changed  detail {schema}: the form as it stands after an edit (sent 200 ms after the last edit, and at once
 *                   when the pointer leaves the editor, so that a click elsewhere never reads an older one)
 *   import-error    detail {message}
 *
 * The bpmn.io watermark that form-js draws must stay visible (its licence).
 */
(function () {
  'use strict';

  class FormSchemaEditorElement extends HTMLElement {
    constructor() {
      super();
      this._schema = null;
      this._editor = null;
      this._pending = null;
      this._run = 0;
    }

    connectedCallback() {
      if (Object.prototype.hasOwnProperty.call(this, 'schema')) {
        const value = this.schema;
        delete this.schema;
        this.schema = value;
      }
      if (this._ensureEditor() && this._schema != null) this._import();
    }

    get schema() { return this._schema; }
    set schema(value) {
      this._schema = value == null || value === '' ? null : String(value);
      this._import();
    }

    _ensureEditor() {
      if (this._editor) return true;
      if (!window.FormEditor || !window.FormEditor.FormEditor) {
        if (!this._waiting) {
          this._waiting = true;
          const started = Date.now();
          const retry = () => {
            if (window.FormEditor && window.FormEditor.FormEditor) {
              this._waiting = false;
              if (this._ensureEditor() && this._schema != null) this._import();
            } else if (Date.now() - started < 30000) {
              setTimeout(retry, 50);
            } else {
              this._waiting = false;
              this._fire('import-error', { message: 'form-js is not loaded' });
            }
          };
          setTimeout(retry, 50);
        }
        return false;
      }
      this._container = document.createElement('div');
      this._container.className = 'form-schema-editor-canvas';
      this.appendChild(this._container);
      this._editor = new window.FormEditor.FormEditor({ container: this._container });
      this._editor.on('changed', () => this._changed());
      this._container.addEventListener('mouseleave', () => this._flush());
      // a keyboard user leaves it with Tab before pressing a button elsewhere
      this._container.addEventListener('focusout', () => this._flush());
      return true;
    }

    _changed() {
      if (this._importing) return;
      if (this._pending) clearTimeout(this._pending);
      this._pending = setTimeout(() => this._flush(), 200);
    }

    _flush() {
      if (!this._pending) return;
      clearTimeout(this._pending);
      this._pending = null;
      try {
        const schema = JSON.stringify(this._editor.saveSchema(), null, 2);
        this._schema = schema;
        this._fire('schema-changed', { schema: schema });
      } catch (error) {
        this._fire('import-error', { message: error && error.message ? error.message : String(error) });
      }
    }

    async _import() {
      if (!this.isConnected || !this._ensureEditor() || this._schema == null) return;
      const run = ++this._run;
      this._importing = true;
      try {
        await this._editor.importSchema(JSON.parse(this._schema));
      } catch (error) {
        if (run === this._run) this._fire('import-error', { message: error && error.message ? error.message : String(error) });
      } finally {
        if (run === this._run) this._importing = false;
      }
    }

    _fire(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail: detail, bubbles: true, composed: true }));
    }
  }

  if (!customElements.get('form-schema-editor')) customElements.define('form-schema-editor', FormSchemaEditorElement);
})();
