/**
 * @module distributed/k8s
 * `backproof deploy k8s`: the Kubernetes manifests of a distributed sweep's workers — a Deployment (or a
 * work-queue Job) of `backproof worker` pods with resource requests and limits, the shared store as a PersistentVolumeClaim
 * mounted at /store, and Redis (a Deployment and Service, or an external URL) — plus a kustomization.yaml
 * listing them. Pure: the same options give the same bytes (keys in a fixed order, no time, no names drawn
 * at random). What each field is for: docs/DEPLOY.md.
 */
import { stringify } from 'yaml';
import { UsageError } from '../errors.ts';
import { redisConnection } from './queue.ts';
import { checkIsolation } from '../run/execute.ts';

export interface K8sOptions {
  /** An external Redis (`redis://HOST:PORT[/DB]`); null: deploy one (`--redis`) or read it from redisSecret. */
  redisUrl: string | null;
  /** A Secret holding an external Redis' URL (`NAME` or `NAME:KEY`, key default `url`): a URL with a password stays out of the manifests. */
  redisSecret?: string | null;
  /** Worker pods (the Deployment's replicas). */
  workers: number;
  /** Jobs each worker pod runs at once (`backproof worker --concurrency`). */
  concurrency: number;
  /** Where each worker runs its guests (`backproof worker --isolation`); absent: not in the command (the worker's default, v8). */
  isolation?: string;
  /** An existing PersistentVolumeClaim for the store; null: this deployment's own claim, `backproof-store`. */
  storeClaim: string | null;
  /** Size of the store's own claim (when storeClaim is null). */
  storeSize: string;
  /** The image with Backproof installed (the coordinator's toolchain: docs/DEPLOY.md). */
  image: string;
  /** The workers as a Deployment (a pool that stays) or a Job (a work queue: each pod exits once the queue has been idle idleExit seconds). */
  kind: 'deployment' | 'job';
  idleExit: number;
  /** Each worker container's CPU and memory (requests = limits: a run's speed and memory are then what was measured). */
  cpu: string;
  memory: string;
}

/** Where the store is mounted in a worker pod (`backproof worker --store`). */
export const STORE_MOUNT = '/store';
/** The name of the store's own claim, of the Redis Service (its DNS name in the namespace) and of the workers. */
export const NAMES = { store: 'backproof-store', redis: 'backproof-redis', workers: 'backproof-worker' } as const;
export const REDIS_IMAGE = 'redis:7.0';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Kubernetes' quantity grammar (apimachinery resource.Quantity): a decimal number, then a binary or decimal SI
// suffix or a decimal exponent (1e3, as the CLI's whole numbers take it too)
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|[eE][-+]?[0-9]+)?$/;
/** A quantity whose number is zero (0, 0.0, 0Gi, 0e3): a worker with no CPU or memory, a claim of nothing. */
const ZERO_QUANTITY = /^0+(\.0+)?(?:[^0-9.].*)?$/;
// An image reference as OCI/Docker read it (distribution/reference's grammar): [registry[:port]/]path[:tag][@digest];
// the registry may have capitals, the repository path may not ("invalid reference format: repository name must be lowercase").
const REGISTRY = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(`^(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** The options checked: each a UsageError naming its option. */
export function checkK8sOptions(o: K8sOptions): K8sOptions {
  if (o.redisUrl !== null && (redisConnection(o.redisUrl, '--redis-url').password !== undefined))
    throw new UsageError('USAGE', '--redis-url: its password would be written into workers.yaml in plain text; put the URL in a Secret and pass --redis-secret NAME[:KEY]');
  if (o.redisSecret != null) {
    const [name = '', key = 'url', ...rest] = o.redisSecret.split(':');
    if (!DNS_LABEL.test(name) || !/^[-._a-zA-Z0-9]+$/.test(key) || rest.length > 0)
      throw new UsageError('USAGE', `--redis-secret ${o.redisSecret}: NAME[:KEY], a Secret's name (a DNS label) and a key of it (default url)`);
    if (o.redisUrl !== null) throw new UsageError('USAGE', '--redis-url and --redis-secret: give one');
  }
  if (!Number.isSafeInteger(o.workers) || o.workers < 1 || o.workers > 1000) throw new UsageError('USAGE', `--workers ${o.workers}: a whole number from 1 to 1000`);
  if (!Number.isSafeInteger(o.concurrency) || o.concurrency < 1 || o.concurrency > 64) throw new UsageError('USAGE', `--concurrency ${o.concurrency}: a whole number from 1 to 64`);
  if (o.storeClaim !== null && !DNS_LABEL.test(o.storeClaim)) throw new UsageError('USAGE', `--store-claim ${o.storeClaim}: a claim's name is a DNS label (lowercase letters, digits and '-', at most 63)`);
  for (const [option, v] of [['--cpu', o.cpu], ['--memory', o.memory], ['--store-size', o.storeSize]] as const) {
    if (!QUANTITY.test(v)) throw new UsageError('USAGE', `${option} ${v}: not a Kubernetes quantity (e.g. 1, 500m, 1Gi, 1e9)`);
    if (ZERO_QUANTITY.test(v)) throw new UsageError('USAGE', `${option} ${v}: must be more than zero (e.g. 1, 500m, 1Gi)`);
  }
  if (o.isolation !== undefined) checkIsolation(o.isolation);
  if (o.kind !== 'deployment' && o.kind !== 'job') throw new UsageError('USAGE', `--as ${o.kind}: deployment (a pool that stays) or job (a work queue that ends when drained)`);
  if (!Number.isSafeInteger(o.idleExit) || o.idleExit < 1 || o.idleExit > 86_400) throw new UsageError('USAGE', `--idle-exit ${o.idleExit}: a whole number of seconds from 1 to 86400`);
  if (o.image === '' || /\s/.test(o.image)) throw new UsageError('USAGE', `--image "${o.image}": an image reference has no spaces`);
  if (!IMAGE_REFERENCE.test(o.image))
    throw new UsageError('USAGE', `--image ${o.image}: not an image reference: [REGISTRY[:PORT]/]PATH[:TAG][@DIGEST], the path lowercase letters, digits and . _ - separators (e.g. registry.example/backproof:0.1.0)`);
  return o;
}

const labels = (component: string) => ({ 'app.kubernetes.io/name': 'backproof', 'app.kubernetes.io/component': component });

function redisManifests(): unknown[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: NAMES.redis, labels: labels('redis') },
      spec: {
        replicas: 1,
        // one Redis at a time: a second would not share the first's queue
        strategy: { type: 'Recreate' },
        selector: { matchLabels: labels('redis') },
        template: {
          metadata: { labels: labels('redis') },
          spec: {
            containers: [{
              name: 'redis',
              image: REDIS_IMAGE,
              // BullMQ needs keys never evicted; the append-only file keeps the queue across a container restart
              args: ['--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
              ports: [{ name: 'redis', containerPort: 6379 }],
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
              readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 5 },
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            }],
            volumes: [{ name: 'data', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: NAMES.redis, labels: labels('redis') },
      spec: { selector: labels('redis'), ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] },
    },
  ];
}

function storeClaim(size: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: NAMES.store, labels: labels('store') },
    // every worker pod and the coordinator mount it at once, on any node
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: size } } },
  };
}

function workers(o: K8sOptions, redisUrl: string): unknown {
  const job = o.kind === 'job';
  const [name = '', key = 'url'] = o.redisSecret?.split(':') ?? [];
  const secret = o.redisSecret != null ? { name, key } : null;
  const pod = {
    metadata: { labels: labels('worker') },
    spec: {
      ...(job ? { restartPolicy: 'OnFailure' } : {}),
      // a pod ended mid-job leaves its job to another worker once its lock lapses (stalled-job retry)
      terminationGracePeriodSeconds: 120,
      containers: [{
        name: 'worker',
        image: o.image,
        // from a Secret, the URL is the env variable BACKPROOF_QUEUE, which the worker reads when --queue is not given
        command: ['backproof', 'worker', ...(secret ? [] : ['--queue', redisUrl]), '--store', STORE_MOUNT, '--concurrency', String(o.concurrency), ...(o.isolation !== undefined ? ['--isolation', o.isolation] : []), ...(job ? ['--idle-exit', String(o.idleExit)] : [])],
        env: [
          ...(secret ? [{ name: 'BACKPROOF_QUEUE', valueFrom: { secretKeyRef: { name: secret.name, key: secret.key } } }] : []),
          { name: 'BACKPROOF_CACHE_DIR', value: '/tmp/backproof-cache' },
        ],
        resources: { requests: { cpu: o.cpu, memory: o.memory }, limits: { cpu: o.cpu, memory: o.memory } },
        volumeMounts: [{ name: 'store', mountPath: STORE_MOUNT }],
      }],
      volumes: [{ name: 'store', persistentVolumeClaim: { claimName: o.storeClaim ?? NAMES.store } }],
    },
  };
  if (job)
    // Kubernetes' work-queue pattern: no completions; the Job is done when its pods have exited 0 (each once the queue stays idle)
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: NAMES.workers, labels: labels('worker') }, spec: { parallelism: o.workers, backoffLimit: 6, template: pod } };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NAMES.workers, labels: labels('worker') },
    spec: { replicas: o.workers, selector: { matchLabels: labels('worker') }, template: pod },
  };
}

/** The manifests as files: name → YAML text, in the order kustomization.yaml lists them (it comes last). */
export function k8sManifests(options: K8sOptions): { file: string; text: string }[] {
  const o = checkK8sOptions(options);
  const redisUrl = o.redisUrl ?? `redis://${NAMES.redis}:6379`;
  const files: { file: string; text: string }[] = [];
  // YAML 1.1's quoting: Kubernetes' parser reads a bare yes, no, on or off as a boolean (Redis' "--appendonly yes")
  const yaml = (docs: unknown[]): string => docs.map((d) => stringify(d, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
  if (o.redisUrl === null && o.redisSecret == null) files.push({ file: 'redis.yaml', text: yaml(redisManifests()) });
  if (o.storeClaim === null) files.push({ file: 'store.yaml', text: yaml([storeClaim(o.storeSize)]) });
  files.push({ file: 'workers.yaml', text: yaml([workers(o, redisUrl)]) });
  files.push({
    file: 'kustomization.yaml',
    text: yaml([{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: files.map((f) => f.file) }]),
  });
  return files;
}
