(module
  (type (;0;) (func (result f64)))
  (type (;1;) (func (param i32 f64)))
  (type (;2;) (func))
  (type (;3;) (func (param i64 f64 f64 f64 f64 f64)))
  (type (;4;) (func (param i32 i32 f64 f64)))
  (type (;5;) (func (param i32)))
  (type (;6;) (func))
  (import "backproof" "position" (func (;0;) (type 0)))
  (import "backproof" "order" (func (;1;) (type 1)))
  (import "__backproof" "out_of_fuel" (func (;2;) (type 5)))
  (import "__backproof" "stack_exhausted" (func (;3;) (type 5)))
  (memory (;0;) 1 16)
  (memory (;1;) 1 1)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i32) i32.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i64) i64.const 0)
  (export "__bp_g0" (global 0))
  (export "memory" (memory 0))
  (export "on_bar" (func 5))
  (export "on_order" (func 6))
  (export "init" (func 4))
  (export "__bp_on_bar" (func 7))
  (export "__bp_bar" (memory 1))
  (export "__bp_fuel" (global 1))
  (export "__bp_bulk" (global 4))
  (export "__bp_depth" (global 3))
  (export "__bp_reserve" (global 5))
  (func (;4;) (type 2)
    (local i32 i32 i32 i64 f32 f64)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 2
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 3
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 3
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    block (result i32) ;; label = @1
      block ;; label = @2
        global.get 1
        i64.const 3
        i64.sub
        global.set 1
        i32.const 1
        global.get 1
        i64.const 0
        i64.lt_s
        br_if 1 (;@1;)
        drop
        i32.const 0
        global.set 0
      end
      global.get 3
      i32.const 1
      i32.sub
      global.set 3
      global.get 3
      i32.eqz
      if ;; label = @2
        global.get 1
        global.get 5
        i64.add
        global.set 1
        i64.const 0
        global.set 5
      end
      return
    end
    call 2
    unreachable
  )
  (func (;5;) (type 3) (param i64 f64 f64 f64 f64 f64)
    (local i32 i32 i32 i64 f32 f64)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 3
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 9
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 9
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    block (result i32) ;; label = @1
      block ;; label = @2
        global.get 1
        i64.const 8
        i64.sub
        global.set 1
        i32.const 2
        global.get 1
        i64.const 0
        i64.lt_s
        br_if 1 (;@1;)
        drop
        global.get 0
        i32.const 1
        i32.add
        global.set 0
        i32.const 16
        local.get 4
        f64.store
        call 0
        global.get 1
        i64.const 3
        i64.sub
        global.set 1
        i32.const 3
        global.get 1
        i64.const 0
        i64.lt_s
        br_if 1 (;@1;)
        drop
        f64.const 0x0p+0 (;=0;)
        f64.eq
        if ;; label = @3
          global.get 1
          i64.const 3
          i64.sub
          global.set 1
          i32.const 4
          global.get 1
          i64.const 0
          i64.lt_s
          br_if 2 (;@1;)
          drop
          i32.const 1
          f64.const 0x1p+0 (;=1;)
          call 1
          global.get 1
          i64.const 1
          i64.sub
          global.set 1
          i32.const 5
          global.get 1
          i64.const 0
          i64.lt_s
          br_if 2 (;@1;)
          drop
        end
        global.get 1
        i64.const 1
        i64.sub
        global.set 1
        i32.const 6
        global.get 1
        i64.const 0
        i64.lt_s
        br_if 1 (;@1;)
        drop
      end
      global.get 3
      i32.const 1
      i32.sub
      global.set 3
      global.get 3
      i32.eqz
      if ;; label = @2
        global.get 1
        global.get 5
        i64.add
        global.set 1
        i64.const 0
        global.set 5
      end
      return
    end
    call 2
    unreachable
  )
  (func (;6;) (type 4) (param i32 i32 f64 f64)
    (local i32 i32 i32 i64 f32 f64)
    global.get 3
    i32.const 1
    i32.add
    global.set 3
    global.get 3
    i32.const 64
    i32.gt_u
    if ;; label = @1
      i32.const 4
      call 3
    end
    global.get 3
    i32.const 1
    i32.eq
    if ;; label = @1
      global.get 1
      i64.const 1000
      i64.sub
      local.tee 7
      i64.const 0
      i64.gt_s
      if ;; label = @2
        local.get 7
        global.set 5
        i64.const 1000
        global.set 1
      end
    end
    block (result i32) ;; label = @1
      block ;; label = @2
        global.get 1
        i64.const 1
        i64.sub
        global.set 1
        i32.const 7
        global.get 1
        i64.const 0
        i64.lt_s
        br_if 1 (;@1;)
        drop
      end
      global.get 3
      i32.const 1
      i32.sub
      global.set 3
      global.get 3
      i32.eqz
      if ;; label = @2
        global.get 1
        global.get 5
        i64.add
        global.set 1
        i64.const 0
        global.set 5
      end
      return
    end
    call 2
    unreachable
  )
  (func (;7;) (type 6)
    i32.const 0
    i64.load 1
    i32.const 0
    f64.load 1 offset=8
    i32.const 0
    f64.load 1 offset=16
    i32.const 0
    f64.load 1 offset=24
    i32.const 0
    f64.load 1 offset=32
    i32.const 0
    f64.load 1 offset=40
    call 5
  )
)
