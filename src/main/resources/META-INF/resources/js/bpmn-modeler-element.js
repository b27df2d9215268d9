/*
 * <bpmn-modeler>: a BPMN 2.0 diagram edited with bpmn-js's Modeler (palette, context pad, moving, connecting,
 * renaming, deleting), for process designers.
 *
 * A plain custom element, loaded as a classic script after /vendor/bpmn-js/bpmn-modeler.production.min.js (which
 * defines window.BpmnJS, as the viewer's bundle does: the modeler's class is kept as window.MotCuaBpmnModeler when it
 * is seen): no Vaadin frontend build is involved (docs/stack.md, "JavaScript libraries"). Its styles are in
 * bpmn-modeler-element.css and in bpmn-js's diagram-js.css, bpmn-js.css and bpmn-font/css/bpmn-embedded.css.
 *
 * MotCua's conventions (who takes a step, its deadline, its form) are not edited here: the server edits them beside
 * the diagram and sets the XML again; attributes of the camunda namespace are kept as they are by bpmn-js.
 *
 * Properties (the server sets them):
 *   xml       the BPMN 2.0 XML; setting it imports the diagram (the viewport is kept when the same diagram is
 *             imported again, fitted otherwise)
 *   problems  object elementId -> message: the element is marked (CSS class "bpmn-modeler-problem") with the
 *             message as a badge
 * Events (bubbling, composed):
 *   diagram-changed   detail {xml}: the diagram as it stands after an edit (sent 150 ms after the last edit, and at
 *                     once when the pointer leaves the diagram, so that a click elsewhere never reads an older one)
 *   element-selected  detail {elementId, name, type}: the element selected (none: elementId "")
 *   import-done       detail {warnings, elements}
 *   import-error      detail {message}
 *
 * The bpmn.io watermark that bpmn-js draws at the bottom right must stay visible (bpmn-js licence).
 */
(function () {
  'use strict';

  const PROBLEM = 'bpmn-modeler-problem';
  const BADGE = 'bpmn-modeler-badge';

  function modelerClass() {
    if (window.MotCuaBpmnModeler) return window.MotCuaBpmnModeler;
    const candidate = window.BpmnJS;
    if (candidate && candidate.prototype && candidate.prototype.createDiagram) {
      window.MotCuaBpmnModeler = candidate;
      return candidate;
    }
    return null;
  }
  modelerClass();

  class BpmnModelerElement extends HTMLElement {
    constructor() {
      super();
      this._xml = null;
      this._problems = {};
      this._modeler = null;
      this._imported = false;
      this._importRun = 0;
      this._pending = null;
      this._definitionsId = null;
    }

    connectedCallback() {
      for (const name of ['xml', 'problems']) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      if (this._ensureModeler() && this._xml != null && !this._imported) this._import();
    }

    get xml() { return this._xml; }
    set xml(value) {
      this._xml = value == null || value === '' ? null : String(value);
      this._import();
    }

    get problems() { return this._problems; }
    set problems(value) {
      this._problems = value && typeof value === 'object' ? value : {};
      this._applyProblems();
    }

    _ensureModeler() {
      if (this._modeler) return true;
      if (!modelerClass()) {
        if (!this._waiting) {
          this._waiting = true;
          const started = Date.now();
          const retry = () => {
            if (modelerClass()) {
              this._waiting = false;
              this._ensureModeler();
              if (this._xml != null) this._import();
            } else if (Date.now() - started < 30000) {
              setTimeout(retry, 50);
            } else {
              this._waiting = false;
              this._fire('import-error', { message: 'bpmn-js Modeler is not loaded' });
            }
          };
          setTimeout(retry, 50);
        }
        return false;
      }
      this._container = document.createElement('div');
      this._container.className = 'bpmn-modeler-canvas';
      this.appendChild(this._container);
      const Modeler = modelerClass();
      this._modeler = new Modeler({ container: this._container, keyboard: { bindTo: this._container } });
      this._modeler.on('commandStack.changed', () => this._changed());
      this._modeler.on('selection.changed', (event) => this._selected(event.newSelection || []));
      this._container.addEventListener('mouseleave', () => this._flush());
      // a keyboard user leaves it with Tab before pressing a button elsewhere
      this._container.addEventListener('focusout', () => this._flush());
      return true;
    }

    _changed() {
      if (this._pending) clearTimeout(this._pending);
      this._pending = setTimeout(() => this._flush(), 150);
    }

    async _flush() {
      if (!this._pending) return;
      clearTimeout(this._pending);
      this._pending = null;
      try {
        const result = await this._modeler.saveXML({ format: true });
        this._xml = result.xml;
        this._fire('diagram-changed', { xml: result.xml });
      } catch (error) {
        this._fire('import-error', { message: error && error.message ? error.message : String(error) });
      }
    }

    async _selected(selection) {
      // an edit still on its way is sent first: the server reads the selected step from the diagram as it stands
      await this._flush();
      const element = selection.length === 1 ? (selection[0].labelTarget || selection[0]) : null;
      const bo = element ? element.businessObject : null;
      this._fire('element-selected', {
        elementId: element && bo ? element.id : '',
        name: bo && bo.name ? bo.name : '',
        type: element && element.type ? element.type : ''
      });
    }

    async _import() {
      if (!this.isConnected || !this._ensureModeler()) return;
      const run = ++this._importRun;
      if (this._xml == null) {
        this._modeler.clear();
        this._imported = false;
        return;
      }
      const canvas = this._modeler.get('canvas');
      const definitions = (this._xml.match(/<(?:\w+:)?definitions[^>]*\sid="([^"]*)"/) || [])[1] || null;
      const keep = this._imported && definitions != null && definitions === this._definitionsId ? canvas.viewbox() : null;
      const selected = this._imported ? this._modeler.get('selection').get().map((e) => e.id) : [];
      try {
        const result = await this._modeler.importXML(this._xml);
        if (run !== this._importRun) return;
        this._imported = true;
        this._definitionsId = definitions;
        if (keep) canvas.viewbox(keep); else canvas.zoom('fit-viewport', 'auto');
        const registry = this._modeler.get('elementRegistry');
        const again = selected.map((id) => registry.get(id)).filter((e) => !!e);
        if (again.length) this._modeler.get('selection').select(again);
        this._applyProblems();
        this._fire('import-done', { warnings: result && result.warnings ? result.warnings.length : 0,
          elements: registry.getAll().length });
      } catch (error) {
        if (run !== this._importRun) return;
        this._fire('import-error', { message: error && error.message ? error.message : String(error) });
      }
    }

    _applyProblems() {
      if (!this._modeler || !this._imported) return;
      const registry = this._modeler.get('elementRegistry');
      const canvas = this._modeler.get('canvas');
      const overlays = this._modeler.get('overlays');
      registry.forEach((element) => canvas.removeMarker(element, PROBLEM));
      overlays.remove({ type: BADGE });
      for (const [id, text] of Object.entries(this._problems)) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, PROBLEM);
        const badge = document.createElement('div');
        badge.className = BADGE;
        badge.textContent = String(text); // text only: never markup from the server
        badge.setAttribute('data-element-id', id);
        overlays.add(id, BADGE, { position: { bottom: -6, left: 0 }, html: badge });
      }
    }

    _fire(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail: detail, bubbles: true, composed: true }));
    }
  }

  if (!customElements.get('bpmn-modeler')) customElements.define('bpmn-modeler', BpmnModelerElement);
})();
