// backproof deploy k8s: the manifests parse (the yaml package) and carry the fields docs/DEPLOY.md promises;
// the same options write the same bytes; bad options are usage errors that write nothing.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { cli } from '../helpers/cli.ts';

const fresh = (): string => mkdtempSync(path.join(tmpdir(), 'backproof-deploy-'));

/**
 * Every document of a manifest file, as plain objects (parse errors fail the test), read as YAML 1.1 as
 * Kubernetes does (a bare yes would be a boolean there).
 */
function docs(file: string): Record<string, any>[] {
  const all = parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' });
  for (const d of all) expect(d.errors).toEqual([]);
  return all.map((d) => d.toJS());
}

describe('backproof deploy k8s', () => {
  it('--redis: Redis Deployment and Service, the store claim, the workers with resources and the store mounted, a kustomization', async () => {
    const out = path.join(fresh(), 'k8s');
    const r = await cli('deploy', 'k8s', '--redis', '--workers', '3', '--concurrency', '2', '--cpu', '1500m', '--memory', '2Gi', '--store-size', '50Gi', '--image', 'registry.example/backproof:0.1.0', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ schema: 'backproof/deploy@1', out, files: ['redis.yaml', 'store.yaml', 'workers.yaml', 'kustomization.yaml'].map((f) => path.join(out, f)) });
    expect(readdirSync(out).sort()).toEqual(['kustomization.yaml', 'redis.yaml', 'store.yaml', 'workers.yaml']);

    const [redisDeployment, redisService] = docs(path.join(out, 'redis.yaml'));
    expect(redisDeployment).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'backproof-redis' }, spec: { replicas: 1 } });
    const redis = redisDeployment!.spec.template.spec.containers[0];
    expect(redis.image).toBe('redis:7.0');
    expect(redis.args).toEqual(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', '']);
    expect(redis.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(redisService).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'backproof-redis' }, spec: { ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }] } });
    expect(redisService!.spec.selector).toEqual(redisDeployment!.spec.template.metadata.labels);

    expect(docs(path.join(out, 'store.yaml'))).toEqual([{
      apiVersion: 'v1', kind: 'PersistentVolumeClaim',
      metadata: { name: 'backproof-store', labels: { 'app.kubernetes.io/name': 'backproof', 'app.kubernetes.io/component': 'store' } },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '50Gi' } } },
    }]);

    const [workers] = docs(path.join(out, 'workers.yaml'));
    expect(workers).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'backproof-worker' }, spec: { replicas: 3 } });
    const pod = workers!.spec.template.spec;
    expect(workers!.spec.selector.matchLabels).toEqual(workers!.spec.template.metadata.labels);
    expect(pod.terminationGracePeriodSeconds).toBe(120);
    expect(pod.containers).toHaveLength(1);
    expect(pod.containers[0].image).toBe('registry.example/backproof:0.1.0');
    expect(pod.containers[0].command).toEqual(['backproof', 'worker', '--queue', 'redis://backproof-redis:6379', '--store', '/store', '--concurrency', '2']);
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '1500m', memory: '2Gi' }, limits: { cpu: '1500m', memory: '2Gi' } });
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'store', mountPath: '/store' }]);
    expect(pod.volumes).toEqual([{ name: 'store', persistentVolumeClaim: { claimName: 'backproof-store' } }]);

    expect(docs(path.join(out, 'kustomization.yaml'))).toEqual([{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['redis.yaml', 'store.yaml', 'workers.yaml'] }]);
  });

  it('--redis-url and --store-claim: no Redis and no claim written; the workers use the URL and the named claim; defaults', async () => {
    const out = fresh();
    expect((await cli('deploy', 'k8s', '--redis-url', 'redis://10.0.0.5:6380/2', '--store-claim', 'sweeps', '--out', out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['kustomization.yaml', 'workers.yaml']);
    const pod = docs(path.join(out, 'workers.yaml'))[0]!.spec.template.spec;
    expect(docs(path.join(out, 'workers.yaml'))[0]!.spec.replicas).toBe(2);
    expect(pod.containers[0].command).toEqual(['backproof', 'worker', '--queue', 'redis://10.0.0.5:6380/2', '--store', '/store', '--concurrency', '1']);
    expect(pod.containers[0].image).toBe('backproof:latest');
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(pod.volumes).toEqual([{ name: 'store', persistentVolumeClaim: { claimName: 'sweeps' } }]);
    expect(docs(path.join(out, 'kustomization.yaml'))[0]!.resources).toEqual(['workers.yaml']);
  });

  it('--redis-secret: the workers read the URL from the Secret through their env (no password in the manifests); no Redis written', async () => {
    const out = fresh();
    expect((await cli('deploy', 'k8s', '--redis-secret', 'sweep-redis:address', '--out', out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['kustomization.yaml', 'store.yaml', 'workers.yaml']);
    const container = docs(path.join(out, 'workers.yaml'))[0]!.spec.template.spec.containers[0];
    expect(container.command).toEqual(['backproof', 'worker', '--store', '/store', '--concurrency', '1']);
    expect(container.env).toEqual([
      { name: 'BACKPROOF_QUEUE', valueFrom: { secretKeyRef: { name: 'sweep-redis', key: 'address' } } },
      { name: 'BACKPROOF_CACHE_DIR', value: '/tmp/backproof-cache' },
    ]);
    const byDefault = fresh();
    expect((await cli('deploy', 'k8s', '--redis-secret', 'sweep-redis', '--out', byDefault)).code).toBe(0);
    expect(docs(path.join(byDefault, 'workers.yaml'))[0]!.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef).toEqual({ name: 'sweep-redis', key: 'url' });
  });

  it('--as job: the workers as a work-queue Job (parallelism, no completions), each exiting once the queue is idle', async () => {
    const out = fresh();
    expect((await cli('deploy', 'k8s', '--redis', '--as', 'job', '--workers', '3', '--idle-exit', '90', '--out', out)).code).toBe(0);
    const [job] = docs(path.join(out, 'workers.yaml'));
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'backproof-worker' }, spec: { parallelism: 3, backoffLimit: 6 } });
    expect(job!.spec.completions).toBeUndefined();
    expect(job!.spec.selector).toBeUndefined();
    const pod = job!.spec.template.spec;
    expect(pod.restartPolicy).toBe('OnFailure');
    expect(pod.containers[0].command).toEqual(['backproof', 'worker', '--queue', 'redis://backproof-redis:6379', '--store', '/store', '--concurrency', '1', '--idle-exit', '90']);
    expect(pod.volumes).toEqual([{ name: 'store', persistentVolumeClaim: { claimName: 'backproof-store' } }]);
  });

  it('--isolation process: the workers\' command runs their guests in child processes (backproof worker --isolation)', async () => {
    const out = fresh();
    expect((await cli('deploy', 'k8s', '--redis', '--isolation', 'process', '--as', 'job', '--idle-exit', '90', '--out', out)).code).toBe(0);
    const pod = docs(path.join(out, 'workers.yaml'))[0]!.spec.template.spec;
    expect(pod.containers[0].command).toEqual(['backproof', 'worker', '--queue', 'redis://backproof-redis:6379', '--store', '/store', '--concurrency', '1', '--isolation', 'process', '--idle-exit', '90']);
  });

  it('the same options write the same bytes; an existing manifest is refused before anything is written, replaced with --force', async () => {
    const [a, b] = [fresh(), fresh()];
    expect((await cli('deploy', 'k8s', '--redis', '--out', a)).code).toBe(0);
    expect((await cli('deploy', 'k8s', '--redis', '--out', b)).code).toBe(0);
    for (const f of readdirSync(a)) expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
    const c = fresh();
    writeFileSync(path.join(c, 'workers.yaml'), 'mine\n');
    const refused = await cli('deploy', 'k8s', '--redis', '--out', c, '--json');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(readdirSync(c)).toEqual(['workers.yaml']);
    expect(readFileSync(path.join(c, 'workers.yaml'), 'utf8')).toBe('mine\n');
    expect((await cli('deploy', 'k8s', '--redis', '--out', c, '--force')).code).toBe(0);
    expect(readFileSync(path.join(c, 'workers.yaml'), 'utf8')).toBe(readFileSync(path.join(a, 'workers.yaml'), 'utf8'));
  });

  it('image references OCI takes are written as given: a registry with capitals and a port, a nested path, a tag, a digest (F12)', async () => {
    for (const image of ['Registry.Example:5000/team/back_proof-x:v0.1.0', `localhost/backproof@sha256:${'ab'.repeat(32)}`, 'backproof']) {
      const out = path.join(fresh(), 'k8s');
      const r = await cli('deploy', 'k8s', '--redis', '--cpu', '0.5', '--image', image, '--out', out);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(path.join(out, 'workers.yaml'), 'utf8')).toContain(`image: ${image}\n`);
    }
  });

  it('numbers in exponent form: --workers 1e1 and --concurrency 2e0 are whole numbers, --memory 1e9 a Kubernetes quantity, written quoted (tester: --memory 1e3 was refused)', async () => {
    const out = fresh();
    expect((await cli('deploy', 'k8s', '--redis', '--workers', '1e1', '--concurrency', '2e0', '--memory', '1e9', '--cpu', '5E-1', '--out', out)).code).toBe(0);
    const workers = docs(path.join(out, 'workers.yaml'))[0]!;
    expect(workers.spec.replicas).toBe(10);
    expect(workers.spec.template.spec.containers[0].command).toEqual(['backproof', 'worker', '--queue', 'redis://backproof-redis:6379', '--store', '/store', '--concurrency', '2']);
    expect(workers.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '5E-1', memory: '1e9' }, limits: { cpu: '5E-1', memory: '1e9' } });
    expect(readFileSync(path.join(out, 'workers.yaml'), 'utf8')).toContain('memory: "1e9"');
  });

  it.each([
    [['k8s', '--redis'], '--out DIR'],
    [['swarm', '--redis', '--out', 'x'], 'not "swarm"'],
    [['k8s', '--out', 'x'], 'deploy k8s needs one of --redis (deploy one), --redis-url URL or --redis-secret NAME[:KEY] (an external one)'],
    // (tester: two of them said "needs one of")
    [['k8s', '--redis', '--redis-url', 'redis://h:1', '--out', 'x'], '--redis and --redis-url are mutually exclusive: give one — --redis deploys Redis in the cluster, --redis-url URL or --redis-secret NAME[:KEY] names an external one'],
    [['k8s', '--redis-secret', 's', '--redis-url', 'redis://h:1', '--out', 'x'], '--redis-url and --redis-secret are mutually exclusive: give one'],
    [['k8s', '--redis', '--redis-secret', 's', '--out', 'x'], '--redis and --redis-secret are mutually exclusive: give one'],
    [['k8s', '--redis', '--redis-url', 'redis://h:1', '--redis-secret', 's', '--out', 'x'], '--redis, --redis-url and --redis-secret are mutually exclusive: give one'],
    [['k8s', '--redis-url', 'redis://:pw@h:1', '--out', 'x'], '--redis-url: its password would be written into workers.yaml in plain text'],
    [['k8s', '--redis-secret', 'Bad:url', '--out', 'x'], '--redis-secret Bad:url: NAME[:KEY]'],
    [['k8s', '--redis-secret', 's:a:b', '--out', 'x'], '--redis-secret s:a:b: NAME[:KEY]'],
    [['k8s', '--redis-url', 'http://h:1', '--out', 'x'], 'the scheme must be redis:// or rediss://, not http://'],
    [['k8s', '--redis-url', 'redis://h:1/99', '--out', 'x'], 'the database must be a number 0-15'],
    [['k8s', '--redis', '--workers', '0', '--out', 'x'], '--workers 0'],
    [['k8s', '--redis', '--workers', '1.5', '--out', 'x'], '--workers must be a whole number from 0 to 9007199254740991 (decimal digits, an exponent allowed: 1e3), got "1.5"'],
    [['k8s', '--redis', '--workers', '0x10', '--out', 'x'], '--workers must be a whole number from 0 to 9007199254740991 (decimal digits, an exponent allowed: 1e3), got "0x10"'],
    [['k8s', '--redis', '--workers', '2e3', '--out', 'x'], '--workers 2000: a whole number from 1 to 1000'],
    [['k8s', '--redis', '--memory', '1e', '--out', 'x'], '--memory 1e: not a Kubernetes quantity (e.g. 1, 500m, 1Gi, 1e9)'],
    [['k8s', '--redis', '--store-claim', 'Bad_Name', '--out', 'x'], '--store-claim Bad_Name'],
    [['k8s', '--redis', '--memory', '2 GB', '--out', 'x'], '--memory 2 GB: not a Kubernetes quantity'],
    [['k8s', '--redis', '--image', 'a b', '--out', 'x'], '--image "a b"'],
    // F12: a zero quantity, and an image path with capitals (Kubernetes and OCI refuse both)
    [['k8s', '--redis', '--cpu', '0', '--out', 'x'], '--cpu 0: must be more than zero (e.g. 1, 500m, 1Gi)'],
    [['k8s', '--redis', '--cpu', '0.0m', '--out', 'x'], '--cpu 0.0m: must be more than zero'],
    [['k8s', '--redis', '--memory', '0e3', '--out', 'x'], '--memory 0e3: must be more than zero'],
    [['k8s', '--redis', '--store-size', '0Gi', '--out', 'x'], '--store-size 0Gi: must be more than zero'],
    [['k8s', '--redis', '--image', 'Registry.example/BackProof:1', '--out', 'x'], '--image Registry.example/BackProof:1: not an image reference: [REGISTRY[:PORT]/]PATH[:TAG][@DIGEST], the path lowercase letters, digits and . _ - separators (e.g. registry.example/backproof:0.1.0)'],
    [['k8s', '--redis', '--image', 'Backproof', '--out', 'x'], '--image Backproof: not an image reference'],
    [['k8s', '--redis', '--image', 'backproof:-bad', '--out', 'x'], '--image backproof:-bad: not an image reference'],
    [['k8s', '--redis', '--as', 'pod', '--out', 'x'], '--as pod: deployment (a pool that stays) or job'],
    [['k8s', '--redis', '--isolation', 'docker', '--out', 'x'], '--isolation must be one of v8, wasi, process, got "docker"'],
    [['k8s', '--redis', '--idle-exit', '30', '--out', 'x'], '--idle-exit is for --as job'],
    [['k8s', '--redis', '--as', 'job', '--idle-exit', '0', '--out', 'x'], '--idle-exit 0: a whole number of seconds from 1 to 86400'],
  ])('deploy %j is a usage error naming the option, and writes nothing', async (args, message) => {
    const dir = fresh();
    const argv = (args as string[]).map((a) => (a === 'x' ? path.join(dir, 'out') : a));
    const r = await cli('deploy', ...argv, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', message: expect.stringContaining(message as string) });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
