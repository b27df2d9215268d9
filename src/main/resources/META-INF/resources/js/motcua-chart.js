/*
 * <motcua-chart>: an Apache ECharts chart whose whole option object comes from the server as JSON.
 *
 * A plain custom element, loaded as a classic script after /vendor/echarts/echarts.min.js (which defines
 * window.echarts): no Vaadin frontend build is involved (docs/stack.md, "JavaScript libraries").
 *
 * Properties:
 *   option   the ECharts option as a JSON string (replaces the chart, notMerge); empty clears it. Its key
 *            motcuaNumbers {locale, suffix} (not an ECharts key: removed before drawing) says how numbers are
 *            written: value axes, labels and tooltips are formatted with Intl.NumberFormat(locale) followed by
 *            suffix (vi-VN: 1.892 and 89,74 %; en-US: 1,892 and 89.74%)
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
        this._chart.setOption(MotcuaChart.localised(JSON.parse(this._option)), true);
      } catch (e) {
        this._chart.clear();
        console.error('motcua-chart: option is not valid JSON', e);
      }
    }
  }

  /** The option with formatters for its motcuaNumbers (removed); without that key, the option as it is. */
  MotcuaChart.localised = function (option) {
    const numbers = option && option.motcuaNumbers;
    if (!numbers) return option;
    delete option.motcuaNumbers;
    const format = new Intl.NumberFormat(numbers.locale || 'vi-VN', { maximumFractionDigits: 2 });
    const suffix = numbers.suffix || '';
    const text = (value) => {
      const v = value && typeof value === 'object' && 'value' in value ? value.value : value;
      return v == null || v === '' || isNaN(Number(v)) ? 'N/A' : format.format(Number(v)) + suffix;
    };
    const axes = (axis) => (Array.isArray(axis) ? axis : axis ? [axis] : []);
    axes(option.xAxis).concat(axes(option.yAxis)).forEach((a) => {
      if (a.type === 'value') a.axisLabel = Object.assign({}, a.axisLabel, { formatter: (v) => text(v) });
    });
    (option.series || []).forEach((s) => {
      if (s.label && s.label.show) s.label.formatter = (p) => text(p.value);
    });
    option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: (v) => text(v) });
    return option;
  };

  if (!customElements.get('motcua-chart')) customElements.define('motcua-chart', MotcuaChart);
})();
