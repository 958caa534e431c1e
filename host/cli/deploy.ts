/**
 * @module cli/deploy
 * `backproof deploy k8s`: writes the Kubernetes manifests of a distributed sweep's workers, Redis and
 * store (host/distributed/k8s; docs/DEPLOY.md).
 */
import { EXIT, UsageError, writeK8sManifests, K8S_DEFAULTS } from '../index.ts';
import { wholeOption } from './args.ts';
import { str, type CommandSpec } from './command.ts';

export const deployCmd: CommandSpec = {
  name: 'deploy',
  summary: 'write Kubernetes manifests for distributed sweeps: workers, Redis, the shared store',
  usage: 'k8s (--redis | --redis-url URL | --redis-secret NAME[:KEY]) --out DIR [options]',
  about: `Writes the manifests of a cluster that runs sweeps (docs/DEPLOY.md): workers.yaml, a Deployment (or
with --as job a work-queue Job) of "backproof worker" pods with CPU and memory requests and limits, the
shared store mounted at /store; store.yaml, the store's PersistentVolumeClaim (ReadWriteMany), unless
--store-claim names an existing one; redis.yaml, a Redis Deployment and Service, with --redis (an
external Redis is --redis-url URL, or --redis-secret NAME when its URL holds a password); and
kustomization.yaml listing them (kubectl apply -k DIR). The same options write the same bytes.
Existing files of those names in DIR are refused unless --force.`,
  options: [
    { name: 'redis', type: 'boolean', help: `deploy Redis in the cluster (Service ${'backproof-redis'}:6379)` },
    str('redis-url', 'URL', 'an external Redis the workers reach: redis://HOST:PORT[/DB] (no password: see --redis-secret)'),
    str('redis-secret', 'NAME[:KEY]', 'an external Redis whose URL is in this Secret\'s KEY (default url): a password stays out of the manifests'),
    str('workers', 'N', `worker pods (default ${K8S_DEFAULTS.workers})`),
    str('concurrency', 'N', `jobs each worker pod runs at once (default ${K8S_DEFAULTS.concurrency})`),
    str('isolation', 'v8|wasi|process', 'where each worker runs its guests: backproof worker --isolation (default: not given, v8)'),
    str('as', 'deployment|job', `the workers as a Deployment, a pool that stays (default), or a Job, a work queue whose pods
exit once no job came for --idle-exit seconds`),
    str('idle-exit', 'S', `with --as job: each worker's idle time before it exits (default ${K8S_DEFAULTS.idleExit})`),
    str('store-claim', 'NAME', 'an existing PersistentVolumeClaim for the store (default: write store.yaml, backproof-store)'),
    str('store-size', 'SIZE', `the size of store.yaml's claim (default ${K8S_DEFAULTS.storeSize})`),
    str('image', 'IMAGE', `the image with Backproof installed, on the coordinator's toolchain (default ${K8S_DEFAULTS.image})`),
    str('cpu', 'CPU', `each worker's CPU request and limit (default ${K8S_DEFAULTS.cpu})`),
    str('memory', 'SIZE', `each worker's memory request and limit (default ${K8S_DEFAULTS.memory})`),
    str('out', 'DIR', 'the folder to write the manifests into (made if missing)'),
    { name: 'force', type: 'boolean', help: 'replace manifests of the same names in DIR' },
  ],
  positionals: 1,
  examples: [
    'backproof deploy k8s --redis --workers 4 --out deploy/k8s',
    'backproof deploy k8s --redis --as job --workers 8 --idle-exit 120 --out deploy/k8s-job',
    'backproof deploy k8s --redis-url redis://10.0.0.5:6379 --store-claim sweeps --image registry.example/backproof:0.1.0 --out deploy/k8s',
  ],
  exits: [0, [2, 'usage, or a manifest exists in DIR']],
  schema: 'deploy@1',
  async run({ values, positionals, text }) {
    if (positionals[0] !== 'k8s') throw new UsageError('USAGE', `deploy writes Kubernetes manifests: backproof deploy k8s ...${positionals[0] === undefined ? '' : `, not "${positionals[0]}"`}`);
    const out = values.out as string | undefined;
    if (out === undefined) throw new UsageError('USAGE', 'deploy k8s needs --out DIR');
    const url = values['redis-url'] as string | undefined;
    if (values['idle-exit'] !== undefined && values.as !== 'job') throw new UsageError('USAGE', '--idle-exit is for --as job (a Deployment\'s workers stay)');
    const secret = values['redis-secret'] as string | undefined;
    const redis = ([['--redis', values.redis === true], ['--redis-url', url !== undefined], ['--redis-secret', secret !== undefined]] as const)
      .filter(([, given]) => given).map(([flag]) => flag);
    if (redis.length === 0) throw new UsageError('USAGE', 'deploy k8s needs one of --redis (deploy one), --redis-url URL or --redis-secret NAME[:KEY] (an external one)');
    if (redis.length > 1)
      throw new UsageError('USAGE', `${redis.slice(0, -1).join(', ')} and ${redis.at(-1)} are mutually exclusive: give one — --redis deploys Redis in the cluster, --redis-url URL or --redis-secret NAME[:KEY] names an external one`);
    // (the range is k8s.ts's, which names it for each option)
    const whole = (name: string, fallback: number): number => wholeOption(name, values[name], fallback, 0);
    const files = await writeK8sManifests({
      redisUrl: url ?? null,
      redisSecret: secret ?? null,
      workers: whole('workers', K8S_DEFAULTS.workers),
      concurrency: whole('concurrency', K8S_DEFAULTS.concurrency),
      ...(values.isolation !== undefined ? { isolation: values.isolation as string } : {}),
      kind: ((values.as as string | undefined) ?? K8S_DEFAULTS.kind) as 'deployment' | 'job',
      idleExit: whole('idle-exit', K8S_DEFAULTS.idleExit),
      storeClaim: (values['store-claim'] as string | undefined) ?? null,
      storeSize: (values['store-size'] as string | undefined) ?? K8S_DEFAULTS.storeSize,
      image: (values.image as string | undefined) ?? K8S_DEFAULTS.image,
      cpu: (values.cpu as string | undefined) ?? K8S_DEFAULTS.cpu,
      memory: (values.memory as string | undefined) ?? K8S_DEFAULTS.memory,
    }, out, values.force === true);
    for (const f of files) text.log(`wrote ${f}`);
    text.log(`apply with: kubectl apply -k ${out}`);
    return { exit: EXIT.ok, json: { out, files } };
  },
};
