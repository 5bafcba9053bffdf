/** The neuron playground (the 'neuron' centre view): one neuron or a pair, its input, its membrane. */
export function NeuronPlayground() {
  return (
    <div className="neuron-playground" role="tabpanel" id="panel-neuron" aria-labelledby="tab-neuron" data-testid="neuron-playground">
      <p>The neuron playground is being built.</p>
    </div>
  );
}
