/*
 * <motcua-chart>: an Apache ECharts chart whose whole option object comes from the server as JSON.
 *
 * A plain custom element, loaded as a classic script after /vendor/echarts/echarts.min.js (which defines
 * window.echarts): no Vaadin frontend build is involved (docs/stack.md, "JavaScript libraries").
 *
 * Properties:
 *   option   the ECharts option as a JSON string (replaces the chart, notMerge); empty clears it
 * Events (bubbling, composed):
 *   chart-click  detail {name, seriesName, dataIndex, value} for a click on a data item
 * The chart follows its box's size (ResizeObserver); give the element a height.
 */
(function () {
  'use strict';

  class MotcuaChart extends HTMLElement {
    constructor() {
      super();
      this._option = null;
      this._chart = null;
    }

    connectedCallback() {
      // A property set before this element was upgraded sits on the instance and shadows the accessor
      if (Object.prototype.hasOwnProperty.call(this, 'option')) {
        const value = this.option;
        delete this.option;
        this.option = value;
      }
      if (!this.style.display) this.style.display = 'block';
      this._init();
      if (!this._resizeObserver && window.ResizeObserver) {
        this._resizeObserver = new ResizeObserver(() => { if (this._chart) this._chart.resize(); });
      }
      if (this._resizeObserver) this._resizeObserver.observe(this);
      this._apply();
    }

    disconnectedCallback() {
      if (this._resizeObserver) this._resizeObserver.disconnect();
      if (this._chart) {
        this._chart.dispose();
        this._chart = null;
      }
    }

    get option() { return this._option; }
    set option(value) {
      this._option = value == null || value === '' ? null : String(value);
      this._apply();
    }

    _init() {
      if (this._chart || !this.isConnected) return;
      if (!window.echarts) {
        this.textContent = 'Không tải được thư viện biểu đồ (ECharts).';
        return;
      }
      this._chart = window.echarts.init(this, null, { renderer: 'canvas' });
      this._chart.on('click', (params) => {
        this.dispatchEvent(new CustomEvent('chart-click', {
          bubbles: true,
          composed: true,
          detail: {
            name: params.name == null ? '' : String(params.name),
            seriesName: params.seriesName == null ? '' : String(params.seriesName),
            dataIndex: params.dataIndex == null ? -1 : params.dataIndex,
            value: Array.isArray(params.value) ? String(params.value) : (params.value == null ? '' : String(params.value))
          }
        }));
      });
    }

    _apply() {
      this._init();
      if (!this._chart) return;
      if (this._option == null) {
        this._chart.clear();
        return;
      }
      try {
        this._chart.setOption(JSON.parse(this._option), true);
      } catch (e) {
        this._chart.clear();
        console.error('motcua-chart: option is not valid JSON', e);
      }
    }
  }

  if (!customElements.get('motcua-chart')) customElements.define('motcua-chart', MotcuaChart);
})();
