/*
 * <bpmn-viewer>: a BPMN 2.0 diagram drawn by bpmn-js's NavigatedViewer (pan with the mouse, zoom with the wheel).
 *
 * A plain custom element, loaded as a classic script after /vendor/bpmn-js/bpmn-navigated-viewer.production.min.js
 * (which defines window.BpmnJS): no Vaadin frontend build is involved (docs/stack.md, "JavaScript libraries").
 * Its styles are in bpmn-viewer-element.css and in bpmn-js's own diagram-js.css and bpmn-js.css.
 *
 * Properties (the server sets them; each may be set before or after the XML, and applies to every later import):
 *   xml          the BPMN 2.0 XML; setting it imports the diagram and fits it to the viewport
 *   highlighted  array of element ids marked as current (CSS class "bpmn-viewer-highlight")
 *   overlays     object elementId -> short text shown as a badge on the element (counts, durations)
 *   heat         object elementId -> number in 0..1, drawn as a colour from pale yellow (0) to red (1)
 * Methods: fit() fits the whole diagram into the viewport again.
 * Events (bubbling, composed):
 *   element-click  detail {elementId, name, type} for a click on a shape or a flow (a label counts as its element)
 *   import-done    detail {warnings: number of import warnings, elements: number of drawn elements}
 *   import-error   detail {message}
 *
 * The bpmn.io watermark that bpmn-js draws at the bottom right must stay visible (bpmn-js licence): nothing here
 * hides or covers it.
 */
(function () {
  'use strict';

  /*
   * bpmn-js's viewer and modeler bundles both define window.BpmnJS: the viewer's class is kept as
   * window.MotCuaBpmnViewer when it is seen (this script runs right after the viewer's bundle), so that a page that
   * later loads the modeler (<bpmn-modeler>) still draws read-only diagrams here.
   */
  function viewerClass() {
    if (window.MotCuaBpmnViewer) return window.MotCuaBpmnViewer;
    const candidate = window.BpmnJS;
    if (candidate && !(candidate.prototype && candidate.prototype.createDiagram)) {
      window.MotCuaBpmnViewer = candidate;
      return candidate;
    }
    return null;
  }
  viewerClass();

  const HIGHLIGHT = 'bpmn-viewer-highlight';
  const HEAT = 'bpmn-viewer-heat';
  const BADGE = 'bpmn-viewer-badge';

  /** 0 -> pale yellow, 1 -> red; out-of-range values are clamped. */
  function heatColour(value) {
    const v = Math.min(1, Math.max(0, Number(value) || 0));
    const hue = Math.round(55 - 55 * v);
    const lightness = Math.round(88 - 26 * v); // 62% at most: the element's name stays readable
    return 'hsl(' + hue + ', 90%, ' + lightness + '%)';
  }

  class BpmnViewerElement extends HTMLElement {
    constructor() {
      super();
      this._xml = null;
      this._highlighted = [];
      this._overlays = {};
      this._heat = {};
      this._viewer = null;
      this._imported = false;
      this._importRun = 0;
      this._lastSize = null;
    }

    connectedCallback() {
      // Properties set before this element was upgraded sit on the instance and shadow the accessors
      for (const name of ['xml', 'highlighted', 'overlays', 'heat']) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      this._ensureViewer();
      if (!this._resizeObserver && window.ResizeObserver) {
        this._resizeObserver = new ResizeObserver(() => this._refitWhenResized());
      }
      if (this._resizeObserver) this._resizeObserver.observe(this);
      if (this._xml != null && !this._imported) this._import();
    }

    disconnectedCallback() {
      if (this._resizeObserver) this._resizeObserver.disconnect();
    }

    get xml() { return this._xml; }
    set xml(value) {
      this._xml = value == null || value === '' ? null : String(value);
      this._import();
    }

    get highlighted() { return this._highlighted; }
    set highlighted(value) {
      this._highlighted = Array.isArray(value) ? value.map(String) : [];
      this._applyHighlights();
    }

    get overlays() { return this._overlays; }
    set overlays(value) {
      this._overlays = value && typeof value === 'object' ? value : {};
      this._applyOverlays();
    }

    get heat() { return this._heat; }
    set heat(value) {
      this._heat = value && typeof value === 'object' ? value : {};
      this._applyHeat();
    }

    /** Fits the whole diagram into the viewport. */
    fit() {
      if (!this._viewer || !this._imported) return;
      const canvas = this._viewer.get('canvas');
      const size = this._size();
      if (!size.width || !size.height) return; // not laid out yet: the resize observer fits later
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
      this._lastSize = size;
    }

    _size() {
      return { width: this._container ? this._container.clientWidth : 0, height: this._container ? this._container.clientHeight : 0 };
    }

    _refitWhenResized() {
      const size = this._size();
      if (this._lastSize && size.width === this._lastSize.width && size.height === this._lastSize.height) return;
      this.fit();
    }

    _ensureViewer() {
      if (this._viewer) return true;
      if (!viewerClass()) {
        // The library script is declared first; should it still be on its way, try again shortly
        if (!this._waitingForLibrary) {
          this._waitingForLibrary = true;
          const started = Date.now();
          const retry = () => {
            if (viewerClass()) {
              this._waitingForLibrary = false;
              this._ensureViewer();
              if (this._xml != null) this._import();
            } else if (Date.now() - started < 30000) {
              setTimeout(retry, 50);
            } else {
              this._waitingForLibrary = false;
              this._fire('import-error', { message: 'bpmn-js is not loaded' });
            }
          };
          setTimeout(retry, 50);
        }
        return false;
      }
      this._container = document.createElement('div');
      this._container.className = 'bpmn-viewer-canvas';
      this.appendChild(this._container);
      this._viewer = new (viewerClass())({ container: this._container });
      this._viewer.on('element.click', (event) => this._onElementClick(event.element));
      return true;
    }

    _onElementClick(clicked) {
      if (!clicked) return;
      const element = clicked.labelTarget || clicked;
      const root = this._viewer.get('canvas').getRootElement();
      if (element === root || !element.businessObject) return;
      this._fire('element-click', {
        elementId: element.id,
        name: element.businessObject.name || '',
        type: element.type || ''
      });
    }

    async _import() {
      if (!this.isConnected || !this._ensureViewer()) return;
      const run = ++this._importRun;
      this._imported = false;
      this._lastSize = null;
      if (this._xml == null) {
        this._viewer.clear();
        return;
      }
      try {
        const result = await this._viewer.importXML(this._xml);
        if (run !== this._importRun) return; // a newer XML arrived meanwhile
        this._imported = true;
        this.fit();
        this._applyHighlights();
        this._applyOverlays();
        this._applyHeat();
        const elements = this._viewer.get('elementRegistry').getAll().length;
        this._fire('import-done', { warnings: (result && result.warnings ? result.warnings.length : 0), elements: elements });
      } catch (error) {
        if (run !== this._importRun) return;
        this._fire('import-error', { message: error && error.message ? error.message : String(error) });
      }
    }

    _elements() {
      return this._viewer && this._imported ? this._viewer.get('elementRegistry') : null;
    }

    _applyHighlights() {
      const registry = this._elements();
      if (!registry) return;
      const canvas = this._viewer.get('canvas');
      registry.forEach((element) => canvas.removeMarker(element, HIGHLIGHT));
      for (const id of this._highlighted) {
        if (registry.get(id)) canvas.addMarker(id, HIGHLIGHT);
      }
    }

    _applyOverlays() {
      const registry = this._elements();
      if (!registry) return;
      const overlays = this._viewer.get('overlays');
      overlays.remove({ type: BADGE });
      for (const [id, text] of Object.entries(this._overlays)) {
        if (!registry.get(id) || text == null || text === '') continue;
        const badge = document.createElement('div');
        badge.className = BADGE;
        badge.textContent = String(text); // text only: never markup from the server
        badge.setAttribute('data-element-id', id);
        // anchored 8px right of the element's top right corner; the CSS shifts it left by its own width
        overlays.add(id, BADGE, { position: { top: -10, right: -8 }, html: badge });
      }
    }

    _applyHeat() {
      const registry = this._elements();
      if (!registry) return;
      const canvas = this._viewer.get('canvas');
      registry.forEach((element) => {
        canvas.removeMarker(element, HEAT);
        const gfx = registry.getGraphics(element);
        if (gfx) {
          gfx.style.removeProperty('--bpmn-viewer-heat');
          gfx.removeAttribute('data-heat');
        }
      });
      for (const [id, value] of Object.entries(this._heat)) {
        const gfx = registry.get(id) ? registry.getGraphics(id) : null;
        if (!gfx || value == null || isNaN(Number(value))) continue;
        gfx.style.setProperty('--bpmn-viewer-heat', heatColour(value));
        gfx.setAttribute('data-heat', String(Math.min(1, Math.max(0, Number(value)))));
        canvas.addMarker(id, HEAT);
      }
    }

    _fire(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail: detail, bubbles: true, composed: true }));
    }
  }

  if (!customElements.get('bpmn-viewer')) customElements.define('bpmn-viewer', BpmnViewerElement);
})();
